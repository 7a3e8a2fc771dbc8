package io.rsitr.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Expected unescaped strings come from Python 3.11's {@code html.unescape}, applied twice as the
 * reference tokenizer does.
 */
class ClipTextCleanerTest {

  @Test
  void cleanUnescapesNamedReferences() {
    assertThat(ClipTextCleaner.clean("&amp;")).isEqualTo("&");
    assertThat(ClipTextCleaner.clean("&lt&gt")).isEqualTo("<>");
    assertThat(ClipTextCleaner.clean("&eacute;t&eacute;")).isEqualTo("\u00e9t\u00e9");
    assertThat(ClipTextCleaner.clean("&unknown;")).isEqualTo("&unknown;");
    assertThat(ClipTextCleaner.clean("a & b")).isEqualTo("a & b");
  }

  @Test
  void cleanUnescapesLegacyNamesAsPrefix() {
    assertThat(ClipTextCleaner.clean("&amprunway")).isEqualTo("&runway");
    assertThat(ClipTextCleaner.clean("&notit;")).isEqualTo("\u00acit;");
    assertThat(ClipTextCleaner.clean("&copy2024")).isEqualTo("\u00a92024");
  }

  @Test
  void cleanUnescapesExactlyTwice() {
    assertThat(ClipTextCleaner.clean("&amp;amp;")).isEqualTo("&");
    assertThat(ClipTextCleaner.clean("&amp;amp;amp;")).isEqualTo("&amp;");
  }

  @Test
  void cleanUnescapesNumericReferences() {
    assertThat(ClipTextCleaner.clean("&#39;s")).isEqualTo("'s");
    assertThat(ClipTextCleaner.clean("&#x27;")).isEqualTo("'");
    assertThat(ClipTextCleaner.clean("&#128;")).isEqualTo("\u20ac");
    assertThat(ClipTextCleaner.clean("&#129;")).isEqualTo("\u0081");
  }

  @Test
  void cleanReplacesInvalidNumericReferences() {
    assertThat(ClipTextCleaner.clean("&#0;")).isEqualTo("\ufffd");
    assertThat(ClipTextCleaner.clean("&#x110000;")).isEqualTo("\ufffd");
    assertThat(ClipTextCleaner.clean("&#xD800;")).isEqualTo("\ufffd");
    assertThat(ClipTextCleaner.clean("&#9999999999999999999;")).isEqualTo("\ufffd");
    assertThat(ClipTextCleaner.clean("a&#1;b")).isEqualTo("ab");
    assertThat(ClipTextCleaner.clean("a&#65535;b")).isEqualTo("ab");
  }

  @Test
  void cleanCollapsesWhitespaceAndLowerCases() {
    assertThat(ClipTextCleaner.clean("  A\tWide\u00a0\u2003River \n")).isEqualTo("a wide river");
  }

  @Test
  void cleanStraightensCurlyQuotesAndFullwidthLetters() {
    assertThat(ClipTextCleaner.clean("\u201cIt\u2019s\u201d")).isEqualTo("\"it's\"");
    assertThat(ClipTextCleaner.clean("\uff21\uff22\uff23")).isEqualTo("abc");
  }

  @Test
  void cleanComposesDecomposedAccents() {
    assertThat(ClipTextCleaner.clean("Cafe\u0301")).isEqualTo("caf\u00e9");
  }
}
