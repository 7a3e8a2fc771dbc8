package io.rsitr.data.text;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CLIP's byte-level BPE tokenizer with a 49408-id vocabulary. Its tests compare it with the ids
 * of the reference CLIP tokenizer for 307 ASCII captions.
 *
 * <p>Encoding cleans the text (see {@link ClipTextCleaner}), splits it into words with CLIP's
 * pre-tokenisation pattern, writes each word's UTF-8 bytes as byte-alphabet characters and merges
 * adjacent symbols in merge-rank order until no listed merge applies. The last symbol of a word
 * carries the end-of-word marker {@code </w>}, so {@code !} at the end of a word is id 256 while
 * id 0 is {@code !} inside a word.
 *
 * <p>Instances are immutable apart from a word cache and are safe to share between threads.
 */
public final class ClipTokenizer {

  private static final Logger LOG = LoggerFactory.getLogger(ClipTokenizer.class);

  /** CLIP's word pattern: special tokens, contractions, letter runs, single digits, other symbol runs. */
  private static final Pattern WORD = Pattern.compile(
      "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /** Bounds the word cache so that tokenising an open-ended stream cannot exhaust memory. */
  private static final int MAX_CACHED_WORDS = 200_000;

  private final BpeVocabulary vocabulary;
  private final int startOfTextId;
  private final int endOfTextId;
  private final Map<String, int[]> idsByWord = new ConcurrentHashMap<>();

  private ClipTokenizer(BpeVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.startOfTextId = vocabulary.id(BpeVocabulary.START_OF_TEXT);
    this.endOfTextId = vocabulary.id(BpeVocabulary.END_OF_TEXT);
  }

  /**
   * Loads the tokenizer from CLIP's gzip merges file {@code bpe_simple_vocab_16e6.txt.gz}.
   *
   * @throws IllegalArgumentException when the file is missing or is not a CLIP merges file
   * @throws UncheckedIOException when the file cannot be read or is not valid gzip-compressed UTF-8
   */
  public static ClipTokenizer load(Path mergesFile) {
    Objects.requireNonNull(mergesFile, "mergesFile");
    BpeVocabulary vocabulary = BpeVocabulary.load(mergesFile);
    LOG.info("Loaded CLIP BPE vocabulary of {} ids from {}", vocabulary.size(), mergesFile);
    return new ClipTokenizer(vocabulary);
  }

  /**
   * Encodes text as {@code [start-of-text] + BPE ids + [end-of-text]} in exactly
   * {@code contextLength} ids.
   *
   * <p>Longer sequences keep their first {@code contextLength} ids and end with end-of-text in
   * place of the last one; shorter ones are padded with 0. Because 0 is also the id of {@code !},
   * find the end of the text with {@link #endOfTextPosition(int[])}, not by looking for 0.
   *
   * @throws IllegalArgumentException when {@code contextLength} is below 2
   */
  public int[] encode(String text, int contextLength) {
    if (contextLength < 2) {
      throw new IllegalArgumentException(
          "contextLength is " + contextLength + " but must be at least 2, for start-of-text and end-of-text");
    }
    List<Integer> bpeIds = bpeIds(text);
    int keptBpeIds = Math.min(bpeIds.size(), contextLength - 2);

    int[] ids = new int[contextLength];
    ids[0] = startOfTextId;
    for (int i = 0; i < keptBpeIds; i++) {
      ids[i + 1] = bpeIds.get(i);
    }
    ids[keptBpeIds + 1] = endOfTextId;
    return ids;
  }

  /** Returns the BPE ids of the cleaned text, without start-of-text, end-of-text or padding. */
  public List<Integer> bpeIds(String text) {
    Objects.requireNonNull(text, "text");
    String cleaned = ClipTextCleaner.clean(text);

    List<Integer> ids = new ArrayList<>();
    Matcher words = WORD.matcher(cleaned);
    while (words.find()) {
      for (int id : wordIds(words.group())) {
        ids.add(id);
      }
    }
    return Collections.unmodifiableList(ids);
  }

  /**
   * Returns the position of the largest id, which in encoded ids is end-of-text. When the largest
   * id occurs more than once, the first position is returned.
   */
  public static int endOfTextPosition(int[] ids) {
    if (ids.length == 0) {
      throw new IllegalArgumentException("ids is empty, so it has no end-of-text position");
    }
    int position = 0;
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] > ids[position]) {
        position = i;
      }
    }
    return position;
  }

  public int sotId() {
    return startOfTextId;
  }

  public int eotId() {
    return endOfTextId;
  }

  public int vocabSize() {
    return vocabulary.size();
  }

  /** Returns the vocabulary entry of an id in byte-alphabet characters, for example {@code "!"} for 0. */
  public String token(int id) {
    if (id < 0 || id >= vocabulary.size()) {
      throw new IllegalArgumentException(
          "token id " + id + " is outside the vocabulary ids 0.." + (vocabulary.size() - 1));
    }
    return vocabulary.token(id);
  }

  private int[] wordIds(String word) {
    if (word.equals(BpeVocabulary.START_OF_TEXT)) {
      return new int[] {startOfTextId};
    }
    if (word.equals(BpeVocabulary.END_OF_TEXT)) {
      return new int[] {endOfTextId};
    }
    int[] cached = idsByWord.get(word);
    if (cached != null) {
      return cached;
    }
    int[] ids = mergeWord(ByteLevelAlphabet.toByteChars(word));
    if (idsByWord.size() < MAX_CACHED_WORDS) {
      idsByWord.put(word, ids);
    }
    return ids;
  }

  /** Merges the lowest-ranked listed pair everywhere, left to right, until no listed pair is left. */
  private int[] mergeWord(String byteChars) {
    List<String> symbols = new ArrayList<>(byteChars.length());
    int last = byteChars.length() - 1;
    for (int i = 0; i < last; i++) {
      symbols.add(String.valueOf(byteChars.charAt(i)));
    }
    symbols.add(byteChars.charAt(last) + BpeVocabulary.END_OF_WORD);

    while (symbols.size() > 1) {
      int bestIndex = lowestRankedPair(symbols);
      if (bestIndex < 0) {
        break;
      }
      symbols = mergeAll(symbols, symbols.get(bestIndex), symbols.get(bestIndex + 1));
    }

    int[] ids = new int[symbols.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = vocabulary.id(symbols.get(i));
    }
    return ids;
  }

  private int lowestRankedPair(List<String> symbols) {
    int bestIndex = -1;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i + 1 < symbols.size(); i++) {
      int rank = vocabulary.mergeRank(symbols.get(i), symbols.get(i + 1));
      if (rank < bestRank) {
        bestRank = rank;
        bestIndex = i;
      }
    }
    return bestIndex;
  }

  private static List<String> mergeAll(List<String> symbols, String left, String right) {
    List<String> merged = new ArrayList<>(symbols.size());
    int i = 0;
    while (i < symbols.size()) {
      boolean pairStartsHere = i + 1 < symbols.size()
          && symbols.get(i).equals(left)
          && symbols.get(i + 1).equals(right);
      if (pairStartsHere) {
        merged.add(left + right);
        i += 2;
      } else {
        merged.add(symbols.get(i));
        i += 1;
      }
    }
    return merged;
  }
}
