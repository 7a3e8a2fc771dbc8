package io.rsitr.data.pipeline;

/**
 * A training batch of B (image, caption) pairs where pair b matches.
 *
 * @param pixels {@code B·size·size·3} normalised floats, NHWC
 * @param tokens {@code B·contextLength} token ids
 * @param imageIndices the split's image index of each pair
 * @param captionIndices the split's caption index of each pair
 */
public record Batch(float[] pixels, int[] tokens, int[] imageIndices, int[] captionIndices) {

  public int size() {
    return imageIndices.length;
  }
}
