package io.rsitr.data.pipeline;

import io.rsitr.data.text.CaptionNormalizer;
import io.rsitr.data.text.ClipTokenizer;
import io.rsitr.data.text.NormalizedCaption;
import java.util.concurrent.atomic.AtomicLong;

/** Dataset caption normalisation followed by the CLIP byte-level BPE tokenizer. */
public final class ClipCaptionEncoder implements CaptionEncoder {

  private final ClipTokenizer tokenizer;
  private final int contextLength;
  private final int maxWords;
  private final boolean normalize;
  private final AtomicLong truncated = new AtomicLong();

  public ClipCaptionEncoder(ClipTokenizer tokenizer, int contextLength, int maxWords, boolean normalize) {
    this.tokenizer = tokenizer;
    this.contextLength = contextLength;
    this.maxWords = maxWords;
    this.normalize = normalize;
  }

  @Override
  public int[] encode(String caption) {
    String text = caption;
    if (normalize) {
      NormalizedCaption normalized = CaptionNormalizer.normalize(caption, maxWords);
      if (normalized.isEmpty()) {
        throw new IllegalArgumentException("caption \"" + caption + "\" is empty after normalisation");
      }
      if (normalized.truncated()) {
        truncated.incrementAndGet();
      }
      text = normalized.text();
    }
    return tokenizer.encode(text, contextLength);
  }

  @Override
  public int vocabSize() {
    return tokenizer.vocabSize();
  }

  @Override
  public long truncatedCount() {
    return truncated.get();
  }
}
