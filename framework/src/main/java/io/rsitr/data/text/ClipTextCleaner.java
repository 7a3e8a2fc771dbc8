package io.rsitr.data.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans text before CLIP tokenisation: fix text, HTML-unescape twice, collapse whitespace,
 * strip, lower-case.
 *
 * <p>The reference repairs text with the Python package ftfy ({@code fix_text}). This class
 * applies the parts of it that change plain captions: curly quotes become straight ones (so
 * {@code it’s} splits as {@code it} + {@code 's}), fullwidth ASCII becomes ASCII, and the result
 * is NFC-normalised. NOTE: ftfy's mojibake repair, its own HTML unescape, ligature expansion and
 * control-character removal are not reproduced, so text that needs them can tokenise differently.
 */
final class ClipTextCleaner {

  /** Unicode White_Space, the set that Python's {@code regex} module matches with {@code \s}. */
  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private static final int FULLWIDTH_FIRST = 0xFF01;
  private static final int FULLWIDTH_LAST = 0xFF5E;
  private static final int FULLWIDTH_OFFSET = 0xFF01 - '!';

  private ClipTextCleaner() {}

  static String clean(String text) {
    String fixed = fixText(text);
    String unescaped = HtmlUnescaper.unescape(HtmlUnescaper.unescape(fixed));
    String collapsed = WHITESPACE_RUN.matcher(unescaped).replaceAll(" ");
    return stripSpaces(collapsed).toLowerCase(Locale.ROOT);
  }

  /** Applies the subset of ftfy's {@code fix_text} described in the class comment. */
  static String fixText(String text) {
    StringBuilder fixed = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> fixed.appendCodePoint(fixCodePoint(codePoint)));
    return Normalizer.normalize(fixed, Normalizer.Form.NFC);
  }

  private static int fixCodePoint(int codePoint) {
    // ftfy straightens U+02BC and U+2018..U+201B to an apostrophe and U+201C..U+201F to a quote.
    if (codePoint == 0x02BC || (codePoint >= 0x2018 && codePoint <= 0x201B)) {
      return '\'';
    }
    if (codePoint >= 0x201C && codePoint <= 0x201F) {
      return '"';
    }
    if (codePoint >= FULLWIDTH_FIRST && codePoint <= FULLWIDTH_LAST) {
      return codePoint - FULLWIDTH_OFFSET;
    }
    return codePoint;
  }

  private static String stripSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(start, end);
  }
}
