package io.rsitr.weights;

import java.util.List;
import java.util.StringJoiner;

/**
 * Result of comparing a model's expected tensors with a set of weights.
 *
 * @param missing keys the model requires that the weights lack
 * @param unexpected keys of the weights the model does not know and that are not ignored
 * @param misshaped keys present on both sides with different shapes
 * @param defaulted optional keys the weights lack; the model keeps its own initial value for them
 * @param ignored keys of the weights the model does not know that matched an ignore pattern
 */
public record CompatibilityReport(
    List<String> missing,
    List<String> unexpected,
    List<ShapeMismatch> misshaped,
    List<String> defaulted,
    List<String> ignored) {

  public CompatibilityReport {
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    misshaped = List.copyOf(misshaped);
    defaulted = List.copyOf(defaulted);
    ignored = List.copyOf(ignored);
  }

  /** Returns whether every required key is present with the expected shape and nothing unknown remains. */
  public boolean isExact() {
    return missing.isEmpty() && unexpected.isEmpty() && misshaped.isEmpty();
  }

  /** Returns every problem, one per line, after a summary line with the counts. */
  public String describeProblems() {
    StringJoiner text = new StringJoiner("\n");
    text.add(missing.size() + " missing, " + unexpected.size() + " unexpected, " + misshaped.size()
        + " with another shape");
    for (String name : missing) {
      text.add("  missing (the model needs it, the weights lack it): " + name);
    }
    for (String name : unexpected) {
      text.add("  unexpected (in the weights, unknown to the model): " + name);
    }
    for (ShapeMismatch mismatch : misshaped) {
      text.add("  shape mismatch: " + mismatch.describe());
    }
    return text.toString();
  }
}
