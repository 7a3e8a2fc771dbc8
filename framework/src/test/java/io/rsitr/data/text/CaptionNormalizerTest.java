package io.rsitr.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaptionNormalizerTest {

  @Test
  void preCaptionMatchesReferenceForEveryCase() throws IOException {
    TokenizerFixture fixture = TokenizerFixture.load();

    List<String> mismatches = new ArrayList<>();
    for (TokenizerFixture.Case c : fixture.cases()) {
      NormalizedCaption actual = CaptionNormalizer.normalize(c.caption(), fixture.contextLength());
      String actualOrNull = actual.isEmpty() ? null : actual.text();
      if (!Objects.equals(actualOrNull, c.preCaption())) {
        mismatches.add("case " + c.index() + " '" + c.caption() + "': expected '" + c.preCaption()
            + "' but was '" + actualOrNull + "'");
      }
    }

    assertThat(fixture.cases()).as("fixture cases").hasSize(307);
    assertThat(mismatches).as("cases whose normalised caption differs from the reference").isEmpty();
  }

  @Test
  void normalizeDeletesPunctuationAndSplitsSeparators() {
    String caption = "It's a \"storage tank\" area; (white) tanks: 12 #3 ~ok! tennis-court/playground?";

    assertThat(CaptionNormalizer.preCaption(caption, 77))
        .isEqualTo("its a storage tank area white tanks 12 3 ok tennis court playground");
  }

  @Test
  void normalizeReplacesPersonTag() {
    assertThat(CaptionNormalizer.preCaption("A <PERSON> walks on the beach.", 77))
        .isEqualTo("a person walks on the beach");
    assertThat(CaptionNormalizer.preCaption("<person>,<person>", 77)).isEqualTo("personperson");
  }

  @Test
  void normalizeKeepsHtmlEntitiesForTokenizer() {
    assertThat(CaptionNormalizer.preCaption("the airport&amp;runway", 77)).isEqualTo("the airport&amprunway");
  }

  @Test
  void normalizeCollapsesWhitespaceRuns() {
    assertThat(CaptionNormalizer.preCaption("  a\twide \n\n river \u00a0 ", 77)).isEqualTo("a wide river");
  }

  @Test
  void normalizeTruncates120WordsTo77() {
    List<String> words = IntStream.range(0, 120).mapToObj(i -> "word" + i).toList();

    NormalizedCaption normalized = CaptionNormalizer.normalize(String.join(" ", words), 77);

    assertThat(normalized.text()).isEqualTo(String.join(" ", words.subList(0, 77)));
    assertThat(normalized.text().split(" ")).hasSize(77);
    assertThat(normalized.originalWordCount()).isEqualTo(120);
    assertThat(normalized.truncated()).isTrue();
  }

  @Test
  void normalizeKeepsCaptionOfExactlyMaxWords() {
    String caption = IntStream.range(0, 77).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

    NormalizedCaption normalized = CaptionNormalizer.normalize(caption + " .", 77);

    assertThat(normalized.text()).isEqualTo(caption);
    assertThat(normalized.originalWordCount()).isEqualTo(77);
    assertThat(normalized.truncated()).isFalse();
  }

  @Test
  void normalizeReturnsEmptyForPunctuationOnly() {
    NormalizedCaption normalized = CaptionNormalizer.normalize(" ... ?! - ", 77);

    assertThat(normalized.isEmpty()).isTrue();
    assertThat(normalized.text()).isEmpty();
    assertThat(normalized.originalWordCount()).isZero();
    assertThat(normalized.truncated()).isFalse();
  }

  @Test
  void preCaptionRejectsEmptyResultNamingCaption() {
    assertThatThrownBy(() -> CaptionNormalizer.preCaption(" ... ?! ", 77))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("' ... ?! '")
        .hasMessageContaining("empty after normalisation");
  }

  @Test
  void normalizeRejectsMaxWordsBelowOne() {
    assertThatThrownBy(() -> CaptionNormalizer.normalize("a river", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxWords is 0");
  }
}
