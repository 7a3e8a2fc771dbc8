package io.rsitr.weights;

import java.util.Optional;

/**
 * Explains a ViT positional embedding whose number of positions differs from the model's. The
 * count is one class token plus a square grid of (image_size / patch_size)² patches, so another
 * count means that the weights were trained at another image size.
 */
public final class VitGridExplanation {

  /** Name of the image tower's positional embedding in open_clip state dicts. */
  public static final String POSITIONAL_EMBEDDING_KEY = "visual.positional_embedding";

  private VitGridExplanation() {}

  /** Returns an explainer for {@value #POSITIONAL_EMBEDDING_KEY} of a ViT with this patch size. */
  public static ShapeMismatchExplainer forPatchSize(int patchSize) {
    return (name, expected, actual) ->
        POSITIONAL_EMBEDDING_KEY.equals(name) ? explain(expected, actual, patchSize) : Optional.empty();
  }

  /**
   * Explains positional embeddings of shapes {@code [positions, width]} in terms of image size,
   * or returns empty when the position counts are equal or not a square grid plus one.
   */
  public static Optional<String> explain(long[] expected, long[] actual, int patchSize) {
    if (expected.length != 2 || actual.length != 2 || expected[0] == actual[0] || patchSize <= 0) {
      return Optional.empty();
    }
    long expectedSide = gridSide(expected[0]);
    long actualSide = gridSide(actual[0]);
    if (expectedSide < 0 || actualSide < 0) {
      return Optional.empty();
    }

    long expectedImageSize = expectedSide * patchSize;
    long actualImageSize = actualSide * patchSize;
    String text = POSITIONAL_EMBEDDING_KEY + " has " + actual[0] + " positions (a " + actualSide + "×" + actualSide
        + " grid + class token) but the model configured for image_size " + expectedImageSize + ", patch_size "
        + patchSize + " expects " + expected[0] + " (" + expectedSide + "×" + expectedSide + " + 1); set image_size to "
        + actualImageSize + " or use weights trained at " + expectedImageSize;
    if (expected[1] != actual[1]) {
      text += "; the width also differs (model " + expected[1] + ", weights " + actual[1] + ")";
    }
    return Optional.of(text);
  }

  /** Returns the side of the square patch grid for a position count, or -1 when it is not k² + 1. */
  private static long gridSide(long positions) {
    long patches = positions - 1;
    if (patches < 1) {
      return -1;
    }
    long side = Math.round(Math.sqrt(patches));
    return side * side == patches ? side : -1;
  }
}
