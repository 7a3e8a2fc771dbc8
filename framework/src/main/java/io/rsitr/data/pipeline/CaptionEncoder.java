package io.rsitr.data.pipeline;

/** Turns a caption into a fixed-length row of token ids whose largest id marks the end of text. */
public interface CaptionEncoder {

  /**
   * Encodes one caption to exactly {@code contextLength} ids.
   *
   * @throws IllegalArgumentException when the caption is empty after normalisation
   */
  int[] encode(String caption);

  /** Returns the number of distinct ids, which the text tower's embedding table must cover. */
  int vocabSize();

  /** Returns the number of captions cut to the word limit so far. */
  default long truncatedCount() {
    return 0;
  }
}
