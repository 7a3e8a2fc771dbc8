package io.rsitr.data.pipeline;

import io.rsitr.data.text.CaptionNormalizer;
import io.rsitr.data.text.NormalizedCaption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A word-level tokenizer whose vocabulary is built from the training captions.
 *
 * <p>For generated data and smoke runs that have no CLIP vocabulary file. Ids: 0 for words never
 * seen in training, 1.. for known words in sorted order, then start-of-text and end-of-text as the
 * two largest ids so that pooling at the largest id finds the end of text.
 */
public final class WordCaptionEncoder implements CaptionEncoder {

  private final Map<String, Integer> ids;
  private final int contextLength;
  private final int maxWords;
  private final int startOfText;
  private final int endOfText;
  private final AtomicLong truncated = new AtomicLong();

  public WordCaptionEncoder(Collection<String> trainingCaptions, int contextLength, int maxWords) {
    TreeSet<String> words = new TreeSet<>();
    for (String caption : trainingCaptions) {
      NormalizedCaption normalized = CaptionNormalizer.normalize(caption, Integer.MAX_VALUE);
      for (String word : normalized.text().split(" ")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    ids = new TreeMap<>();
    int next = 1;
    for (String word : words) {
      ids.put(word, next++);
    }
    startOfText = next;
    endOfText = next + 1;
    this.contextLength = contextLength;
    this.maxWords = maxWords;
  }

  @Override
  public int[] encode(String caption) {
    NormalizedCaption normalized = CaptionNormalizer.normalize(caption, maxWords);
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("caption \"" + caption + "\" is empty after normalisation");
    }
    if (normalized.truncated()) {
      truncated.incrementAndGet();
    }
    List<Integer> sequence = new ArrayList<>();
    sequence.add(startOfText);
    for (String word : normalized.text().split(" ")) {
      sequence.add(ids.getOrDefault(word, 0));
    }
    sequence.add(endOfText);
    int[] row = new int[contextLength];
    int length = Math.min(sequence.size(), contextLength);
    for (int i = 0; i < length; i++) {
      row[i] = sequence.get(i);
    }
    row[length - 1] = endOfText;
    return row;
  }

  @Override
  public int vocabSize() {
    return endOfText + 1;
  }

  @Override
  public long truncatedCount() {
    return truncated.get();
  }
}
