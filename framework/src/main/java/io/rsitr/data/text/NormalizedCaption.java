package io.rsitr.data.text;

import java.util.Objects;

/**
 * A caption after {@link CaptionNormalizer#normalize(String, int)}.
 *
 * @param text the normalised caption, empty when nothing was left
 * @param originalWordCount the number of words after normalisation and before truncation
 * @param truncated whether words beyond the maximum were dropped
 */
public record NormalizedCaption(String text, int originalWordCount, boolean truncated) {

  public NormalizedCaption {
    Objects.requireNonNull(text, "text");
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }
}
