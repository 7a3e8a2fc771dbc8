package io.rsitr.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {

  private static final int CONTEXT_LENGTH = 77;

  @TempDir Path tempDir;

  private static ClipTokenizer loadSharedTokenizer() {
    return ClipTokenizer.load(SharedFiles.require("vocab/bpe_simple_vocab_16e6.txt.gz"));
  }

  @Test
  void rawCaptionIdsMatchReferenceForEveryCase() throws IOException {
    TokenizerFixture fixture = TokenizerFixture.load();
    ClipTokenizer tokenizer = loadSharedTokenizer();

    List<String> mismatches = new ArrayList<>();
    for (TokenizerFixture.Case c : fixture.cases()) {
      int[] actual = tokenizer.encode(c.caption(), fixture.contextLength());
      if (!Arrays.equals(actual, c.tokensRaw())) {
        mismatches.add(describeMismatch(c.index(), c.caption(), c.tokensRaw(), actual));
      }
    }

    assertThat(fixture.cases()).as("fixture cases").hasSize(307);
    assertThat(mismatches).as("cases whose raw-caption ids differ from the reference").isEmpty();
  }

  @Test
  void normalisedCaptionIdsMatchReferenceForEveryCase() throws IOException {
    TokenizerFixture fixture = TokenizerFixture.load();
    ClipTokenizer tokenizer = loadSharedTokenizer();

    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (TokenizerFixture.Case c : fixture.cases()) {
      if (c.preCaption() == null) {
        // The reference has no ids for a caption that normalisation empties.
        continue;
      }
      String normalized = CaptionNormalizer.preCaption(c.caption(), fixture.contextLength());
      int[] actual = tokenizer.encode(normalized, fixture.contextLength());
      compared++;
      if (!Arrays.equals(actual, c.tokensPreCaption())) {
        mismatches.add(describeMismatch(c.index(), normalized, c.tokensPreCaption(), actual));
      }
    }

    assertThat(compared).as("cases with a normalised caption").isEqualTo(307);
    assertThat(mismatches).as("cases whose normalised-caption ids differ from the reference").isEmpty();
  }

  @Test
  void encodeFromManyThreadsMatchesSequentialEncode() throws IOException {
    TokenizerFixture fixture = TokenizerFixture.load();
    ClipTokenizer sequentialTokenizer = loadSharedTokenizer();
    ClipTokenizer sharedTokenizer = loadSharedTokenizer();
    List<String> captions = fixture.cases().stream().map(TokenizerFixture.Case::caption).toList();

    List<List<Integer>> sequential = captions.stream()
        .map(caption -> boxed(sequentialTokenizer.encode(caption, CONTEXT_LENGTH)))
        .toList();
    List<List<Integer>> parallel = IntStream.range(0, 4)
        .boxed()
        .flatMap(round -> captions.stream())
        .parallel()
        .map(caption -> boxed(sharedTokenizer.encode(caption, CONTEXT_LENGTH)))
        .toList();

    List<List<Integer>> expected = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      expected.addAll(sequential);
    }
    assertThat(parallel).isEqualTo(expected);
  }

  @Test
  void vocabularyHasClipSizeAndSpecialIds() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    assertThat(tokenizer.vocabSize()).isEqualTo(49408);
    assertThat(tokenizer.sotId()).isEqualTo(49406);
    assertThat(tokenizer.eotId()).isEqualTo(49407);
    assertThat(tokenizer.token(49406)).isEqualTo("<|startoftext|>");
    assertThat(tokenizer.token(49407)).isEqualTo("<|endoftext|>");
  }

  @Test
  void idZeroIsExclamationMarkInsideWord() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    assertThat(tokenizer.token(0)).isEqualTo("!");
    assertThat(tokenizer.token(256)).isEqualTo("!</w>");
    assertThat(tokenizer.bpeIds("!")).containsExactly(256);
  }

  @Test
  void encodePadsShortTextWithZeros() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    int[] ids = tokenizer.encode("viaduct", CONTEXT_LENGTH);

    int[] expected = new int[CONTEXT_LENGTH];
    expected[0] = 49406;
    expected[1] = 39113;
    expected[2] = 49407;
    assertThat(ids).containsExactly(expected);
    assertThat(ClipTokenizer.endOfTextPosition(ids)).isEqualTo(2);
  }

  @Test
  void encodeTruncatesKeepingEndOfText() {
    ClipTokenizer tokenizer = loadSharedTokenizer();
    String text = String.join(" ", Collections.nCopies(120, "harbor"));

    int[] ids = tokenizer.encode(text, CONTEXT_LENGTH);
    List<Integer> bpeIds = tokenizer.bpeIds(text);

    assertThat(bpeIds).as("one id per word").hasSize(120);
    assertThat(ids).hasSize(CONTEXT_LENGTH);
    assertThat(ids[0]).isEqualTo(tokenizer.sotId());
    assertThat(ids[CONTEXT_LENGTH - 1]).isEqualTo(tokenizer.eotId());
    assertThat(boxed(Arrays.copyOfRange(ids, 1, CONTEXT_LENGTH - 1)))
        .isEqualTo(bpeIds.subList(0, CONTEXT_LENGTH - 2));
    assertThat(ClipTokenizer.endOfTextPosition(ids)).isEqualTo(CONTEXT_LENGTH - 1);
  }

  @Test
  void encodeFillsContextExactlyWithoutTruncating() {
    ClipTokenizer tokenizer = loadSharedTokenizer();
    String text = String.join(" ", Collections.nCopies(5, "harbor"));

    int[] ids = tokenizer.encode(text, 7);

    int harborId = tokenizer.bpeIds("harbor").get(0);
    assertThat(ids).containsExactly(49406, harborId, harborId, harborId, harborId, harborId, 49407);
  }

  @Test
  void encodeRejectsContextLengthBelowTwo() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    assertThatThrownBy(() -> tokenizer.encode("harbor", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contextLength is 1");
  }

  @Test
  void endOfTextPositionIgnoresZeroIds() {
    int[] ids = {49406, 0, 0, 49407, 0, 0};

    assertThat(ClipTokenizer.endOfTextPosition(ids)).isEqualTo(3);
  }

  @Test
  void endOfTextPositionRejectsEmptyIds() {
    assertThatThrownBy(() -> ClipTokenizer.endOfTextPosition(new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void encodeSplitsContractionsAndSymbols() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    // Ids from the reference tokenizer: "it" 585, "'s" 568, "ok" 2481, "!</w>" 256.
    assertThat(tokenizer.bpeIds("It's ok!")).containsExactly(585, 568, 2481, 256);
  }

  @Test
  void encodeDecodesHtmlEntitiesTwice() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    List<Integer> plain = tokenizer.bpeIds("airport & runway");

    assertThat(tokenizer.bpeIds("airport &amp; runway")).isEqualTo(plain);
    assertThat(tokenizer.bpeIds("airport &amp;amp; runway")).isEqualTo(plain);
    assertThat(tokenizer.bpeIds("airport &#38; runway")).isEqualTo(plain);
  }

  @Test
  void encodeStraightensCurlyApostrophe() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    assertThat(tokenizer.bpeIds("it\u2019s a port")).isEqualTo(tokenizer.bpeIds("it's a port"));
  }

  @Test
  void encodeMapsSpecialTokenTextToSpecialIds() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    assertThat(tokenizer.bpeIds("<|startoftext|> <|endoftext|>")).containsExactly(49406, 49407);
  }

  @Test
  void encodeHandlesNonAsciiBytes() {
    ClipTokenizer tokenizer = loadSharedTokenizer();

    List<Integer> ids = tokenizer.bpeIds("caf\u00e9 \u6e2f\u53e3");

    assertThat(ids).isNotEmpty();
    assertThat(ids).allSatisfy(id -> assertThat(id).isBetween(0, 49405));
    assertThat(tokenizer.bpeIds("cafe\u0301 \u6e2f\u53e3"))
        .as("NFC makes the decomposed form equal")
        .isEqualTo(ids);
  }

  @Test
  void loadRejectsMissingFileNamingPath() {
    Path missing = tempDir.resolve("missing_vocab.txt.gz");

    assertThatThrownBy(() -> ClipTokenizer.load(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("not found")
        .hasMessageContaining("bpe_simple_vocab_16e6.txt.gz");
  }

  @Test
  void loadRejectsFileThatIsNotGzip() throws IOException {
    Path plain = tempDir.resolve("plain.txt.gz");
    Files.writeString(plain, "#version: 0.2\ni n\n");

    assertThatThrownBy(() -> ClipTokenizer.load(plain))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(plain.toString())
        .hasMessageContaining("bpe_simple_vocab_16e6.txt.gz");
  }

  @Test
  void loadRejectsFileWithTooFewMerges() throws IOException {
    Path shortFile = tempDir.resolve("short.txt.gz");
    writeGzip(shortFile, "#version: 0.2\ni n\nt h\na n\n");

    assertThatThrownBy(() -> ClipTokenizer.load(shortFile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(shortFile.toString())
        .hasMessageContaining("has 3 merge lines, expected at least 48894");
  }

  @Test
  void loadRejectsMalformedMergeLine() throws IOException {
    Path malformed = tempDir.resolve("malformed.txt.gz");
    writeGzip(malformed, "#version: 0.2\ni n\nthree symbols here\n");

    assertThatThrownBy(() -> ClipTokenizer.load(malformed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(malformed.toString())
        .hasMessageContaining("line 3");
  }

  private static void writeGzip(Path path, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<Integer> boxed(int[] ids) {
    return Arrays.stream(ids).boxed().collect(Collectors.toList());
  }

  private static String describeMismatch(int index, String text, int[] expected, int[] actual) {
    return "case " + index + " '" + text + "': expected " + Arrays.toString(trimPadding(expected))
        + " but was " + Arrays.toString(trimPadding(actual));
  }

  /** Cuts everything after end-of-text so that mismatch messages stay readable. */
  private static int[] trimPadding(int[] ids) {
    if (ids == null) {
      return null;
    }
    return Arrays.copyOf(ids, ClipTokenizer.endOfTextPosition(ids) + 1);
  }
}
