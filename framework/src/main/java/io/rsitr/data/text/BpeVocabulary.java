package io.rsitr.data.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 49408-entry CLIP vocabulary and merge ranks, built from the gzip merges file
 * {@code bpe_simple_vocab_16e6.txt.gz}.
 *
 * <p>Id layout: 0..255 are the byte alphabet characters, 256..511 the same characters with the
 * end-of-word marker {@code </w>}, 512..49405 the joined pairs of the first 48894 merges (file
 * lines 2..48895, after the header line), then start-of-text 49406 and end-of-text 49407. A
 * merge's rank is its position among those merges, so a lower rank merges first.
 */
final class BpeVocabulary {

  static final String END_OF_WORD = "</w>";
  static final String START_OF_TEXT = "<|startoftext|>";
  static final String END_OF_TEXT = "<|endoftext|>";

  /** CLIP uses 49152 BPE ids in total: the 256 byte characters, 2 special tokens and these merges. */
  static final int MERGE_COUNT = 49152 - ByteLevelAlphabet.SIZE - 2;

  static final int SIZE = 2 * ByteLevelAlphabet.SIZE + MERGE_COUNT + 2;

  private static final String FILE_HINT =
      "pass the CLIP merges file bpe_simple_vocab_16e6.txt.gz that ships with the CLIP weights";

  private final List<String> tokens;
  private final Map<String, Integer> idByToken;
  private final Map<String, Integer> rankByPair;

  private BpeVocabulary(
      List<String> tokens, Map<String, Integer> idByToken, Map<String, Integer> rankByPair) {
    this.tokens = tokens;
    this.idByToken = idByToken;
    this.rankByPair = rankByPair;
  }

  /**
   * Reads the merges file and builds the vocabulary.
   *
   * @throws IllegalArgumentException when the file is missing or has too few or malformed merge lines
   * @throws UncheckedIOException when the file cannot be read or is not valid gzip-compressed UTF-8
   */
  static BpeVocabulary load(Path mergesFile) {
    if (!Files.isRegularFile(mergesFile)) {
      throw new IllegalArgumentException("BPE merges file " + mergesFile + " was not found; " + FILE_HINT);
    }
    List<String[]> merges = readMerges(mergesFile);

    List<String> tokens = new ArrayList<>(SIZE);
    for (int id = 0; id < ByteLevelAlphabet.SIZE; id++) {
      tokens.add(String.valueOf(ByteLevelAlphabet.charOfId(id)));
    }
    for (int id = 0; id < ByteLevelAlphabet.SIZE; id++) {
      tokens.add(ByteLevelAlphabet.charOfId(id) + END_OF_WORD);
    }
    Map<String, Integer> rankByPair = new HashMap<>(2 * MERGE_COUNT);
    for (int rank = 0; rank < merges.size(); rank++) {
      String[] pair = merges.get(rank);
      tokens.add(pair[0] + pair[1]);
      rankByPair.putIfAbsent(pairKey(pair[0], pair[1]), rank);
    }
    tokens.add(START_OF_TEXT);
    tokens.add(END_OF_TEXT);

    // A token listed twice keeps its last id, as the reference's token-to-id dictionary does.
    Map<String, Integer> idByToken = new HashMap<>(2 * SIZE);
    for (int id = 0; id < tokens.size(); id++) {
      idByToken.put(tokens.get(id), id);
    }
    return new BpeVocabulary(List.copyOf(tokens), idByToken, rankByPair);
  }

  /** Returns the id of a vocabulary token. Every symbol that merging produces is in the vocabulary. */
  int id(String token) {
    Integer id = idByToken.get(token);
    if (id == null) {
      throw new IllegalStateException("BPE symbol '" + token + "' is not in the vocabulary");
    }
    return id;
  }

  String token(int id) {
    return tokens.get(id);
  }

  int size() {
    return tokens.size();
  }

  /** Returns the rank of the merge {@code left right}, or {@code Integer.MAX_VALUE} when none is listed. */
  int mergeRank(String left, String right) {
    return rankByPair.getOrDefault(pairKey(left, right), Integer.MAX_VALUE);
  }

  // Symbols never contain a space because the byte alphabet maps the space byte to U+0120.
  private static String pairKey(String left, String right) {
    return left + ' ' + right;
  }

  private static List<String[]> readMerges(Path mergesFile) {
    List<String[]> merges = new ArrayList<>(MERGE_COUNT);
    try (InputStream gzip = new GZIPInputStream(Files.newInputStream(mergesFile));
        BufferedReader reader = new BufferedReader(new InputStreamReader(gzip, strictUtf8()))) {
      String header = reader.readLine();
      if (header == null) {
        throw tooFewMerges(mergesFile, 0);
      }
      while (merges.size() < MERGE_COUNT) {
        String line = reader.readLine();
        if (line == null) {
          throw tooFewMerges(mergesFile, merges.size());
        }
        merges.add(parseMerge(mergesFile, line, merges.size() + 2));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to read BPE merges file " + mergesFile + " as gzip-compressed UTF-8 text ("
              + e.getMessage() + "); " + FILE_HINT,
          e);
    }
    return merges;
  }

  private static String[] parseMerge(Path mergesFile, String line, int lineNumber) {
    String[] pair = line.strip().split("\\s+");
    if (pair.length != 2) {
      throw new IllegalArgumentException(
          "BPE merges file " + mergesFile + " line " + lineNumber + " is '" + line
              + "', expected two symbols separated by a space; " + FILE_HINT);
    }
    return pair;
  }

  private static IllegalArgumentException tooFewMerges(Path mergesFile, int found) {
    return new IllegalArgumentException(
        "BPE merges file " + mergesFile + " has " + found + " merge lines, expected at least "
            + MERGE_COUNT + "; " + FILE_HINT);
  }

  private static CharsetDecoder strictUtf8() {
    // The default decoder would replace invalid bytes silently and yield wrong merges.
    return StandardCharsets.UTF_8.newDecoder();
  }
}
