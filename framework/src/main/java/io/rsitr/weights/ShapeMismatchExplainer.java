package io.rsitr.weights;

import java.util.Optional;

/**
 * Explains why a tensor of the weights has another shape than the model expects, in terms the
 * user can act on (a configuration option to change).
 */
@FunctionalInterface
public interface ShapeMismatchExplainer {

  /** Returns an explanation for this key and these shapes, or empty when it has none. */
  Optional<String> explain(String name, long[] expected, long[] actual);

  /** Returns an explainer that explains nothing. */
  static ShapeMismatchExplainer none() {
    return (name, expected, actual) -> Optional.empty();
  }
}
