package io.rsitr.weights;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Tensor whose shape in the weights differs from the model's, with an optional explanation. */
public record ShapeMismatch(String name, long[] expected, long[] actual, Optional<String> explanation) {

  public ShapeMismatch {
    Objects.requireNonNull(name, "name");
    expected = expected.clone();
    actual = actual.clone();
    Objects.requireNonNull(explanation, "explanation");
  }

  @Override
  public long[] expected() {
    return expected.clone();
  }

  @Override
  public long[] actual() {
    return actual.clone();
  }

  /** Returns one line such as {@code visual.proj: model expects [48, 32], weights have [32, 48]}. */
  public String describe() {
    String line = name + ": model expects " + Arrays.toString(expected) + ", weights have " + Arrays.toString(actual);
    return explanation.map(text -> line + "; " + text).orElse(line);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShapeMismatch mismatch
        && name.equals(mismatch.name)
        && Arrays.equals(expected, mismatch.expected)
        && Arrays.equals(actual, mismatch.actual)
        && explanation.equals(mismatch.explanation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(expected), Arrays.hashCode(actual), explanation);
  }

  @Override
  public String toString() {
    return describe();
  }
}
