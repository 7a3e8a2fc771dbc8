package io.rsitr.plugin;

import io.rsitr.nn.ModelScope;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Extension point: scores (caption, image) pairs from caption tokens and image local tokens.
 *
 * <p>An interaction that scores pairs adds an image-text matching loss during training and
 * re-ranks the top candidates at evaluation. The {@code none} interaction scores nothing: the plain
 * dual encoder.
 */
public interface Interaction {

  /** Returns whether this interaction produces matching logits; {@code false} for {@code none}. */
  boolean scoresPairs();

  /**
   * Returns matching logits {@code [P, 2]} (class 1 = match) for P pairs.
   *
   * @param tokens caption token ids {@code [P, contextLength]}
   * @param imageLocalTokens image local tokens {@code [P, tokens, width]}
   */
  Operand<TFloat32> matchLogits(
      ModelScope scope, Backbone backbone, Operand<TInt32> tokens, Operand<TFloat32> imageLocalTokens);

  /**
   * Returns parameters initialised as copies of backbone parameters (own key to backbone key),
   * applied after weights are imported unless the weight file contains the own key.
   */
  default Map<String, String> initialCopies() {
    return Map.of();
  }

  /**
   * Returns whether a parameter key belongs to this interaction rather than to the backbone; a
   * backbone-only weight file may omit such keys.
   */
  default boolean ownsParameter(String key) {
    return false;
  }

  /** Returns keys of weight files that belong to this interaction but are skipped on import. */
  default Set<String> ignoredImportKeys() {
    return Set.of();
  }
}
