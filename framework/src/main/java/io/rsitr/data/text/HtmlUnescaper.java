package io.rsitr.data.text;

import static java.util.Map.entry;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces HTML character references the way Python 3's {@code html.unescape} does, because the
 * reference tokenizer cleans captions with it.
 *
 * <p>Numeric references ({@code &#39;}, {@code &#x27;}) follow the HTML5 rules: the C1 range maps
 * through windows-1252, out-of-range values and surrogates become U+FFFD, and noncharacters and
 * most control characters are dropped. The closing semicolon is optional. The legacy named
 * references of HTML 4 ({@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;} and the Latin-1 entities
 * such as {@code &eacute;}) also match without a semicolon and as a prefix, so
 * {@code &amprunway} becomes {@code &runway}, as in Python.
 *
 * <p>NOTE: named references outside the tables below stay as written, whereas Python's table covers all
 * HTML5 names (such as {@code &alpha;} or {@code &check;}).
 */
final class HtmlUnescaper {

  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

  /** HTML 4 entity names of the code points U+00A0..U+00FF, in code point order. */
  private static final String[] LATIN1_NAMES = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
    "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
    "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
    "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
  };

  /** Named references that need their semicolon: common punctuation and symbols beyond Latin-1. */
  private static final Map<String, Integer> SEMICOLON_NAMES = Map.ofEntries(
      entry("apos", 0x27),
      entry("OElig", 0x152),
      entry("oelig", 0x153),
      entry("Scaron", 0x160),
      entry("scaron", 0x161),
      entry("Yuml", 0x178),
      entry("fnof", 0x192),
      entry("circ", 0x2C6),
      entry("tilde", 0x2DC),
      entry("ensp", 0x2002),
      entry("emsp", 0x2003),
      entry("thinsp", 0x2009),
      entry("zwnj", 0x200C),
      entry("zwj", 0x200D),
      entry("lrm", 0x200E),
      entry("rlm", 0x200F),
      entry("ndash", 0x2013),
      entry("mdash", 0x2014),
      entry("lsquo", 0x2018),
      entry("rsquo", 0x2019),
      entry("sbquo", 0x201A),
      entry("ldquo", 0x201C),
      entry("rdquo", 0x201D),
      entry("bdquo", 0x201E),
      entry("dagger", 0x2020),
      entry("Dagger", 0x2021),
      entry("bull", 0x2022),
      entry("hellip", 0x2026),
      entry("permil", 0x2030),
      entry("prime", 0x2032),
      entry("Prime", 0x2033),
      entry("lsaquo", 0x2039),
      entry("rsaquo", 0x203A),
      entry("euro", 0x20AC),
      entry("trade", 0x2122),
      entry("larr", 0x2190),
      entry("uarr", 0x2191),
      entry("rarr", 0x2192),
      entry("darr", 0x2193),
      entry("harr", 0x2194),
      entry("minus", 0x2212),
      entry("infin", 0x221E),
      entry("asymp", 0x2248),
      entry("ne", 0x2260),
      entry("le", 0x2264),
      entry("ge", 0x2265));

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Names ending in a semicolon match only with it. Names without one also match as a prefix. */
  private static final Map<String, String> ENTITIES = buildEntities();

  private HtmlUnescaper() {}

  /** Returns the text with every character reference replaced. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder unescaped = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(unescaped, Matcher.quoteReplacement(replace(matcher.group(1))));
    }
    matcher.appendTail(unescaped);
    return unescaped.toString();
  }

  private static String replace(String reference) {
    if (reference.charAt(0) == '#') {
      return replaceNumeric(reference);
    }
    String whole = ENTITIES.get(reference);
    if (whole != null) {
      return whole;
    }
    // Only the legacy names without a semicolon can match a prefix, the shortest being two letters.
    for (int length = reference.length() - 1; length > 1; length--) {
      String prefixValue = ENTITIES.get(reference.substring(0, length));
      if (prefixValue != null) {
        return prefixValue + reference.substring(length);
      }
    }
    return "&" + reference;
  }

  private static String replaceNumeric(String reference) {
    boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
    String digits = reference.substring(hex ? 2 : 1);
    if (digits.endsWith(";")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    long codePoint = parseCapped(digits, hex ? 16 : 10);

    if (codePoint == 0) {
      return "\uFFFD";
    }
    if (codePoint == 0x0D) {
      return "\r";
    }
    if (codePoint >= 0x80 && codePoint <= 0x9F) {
      return fromWindows1252((int) codePoint);
    }
    if ((codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF) {
      return "\uFFFD";
    }
    if (isDroppedCodePoint((int) codePoint)) {
      return "";
    }
    return new String(Character.toChars((int) codePoint));
  }

  /** Parses digits, saturating far above U+10FFFF so that huge values stay out of range. */
  private static long parseCapped(String digits, int radix) {
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      value = Math.min(value * radix + Character.digit(digits.charAt(i), radix), 0x7FFFFFFFL);
    }
    return value;
  }

  // HTML5 maps the C1 range as windows-1252, and the five bytes that it leaves undefined stay themselves.
  private static String fromWindows1252(int codePoint) {
    String decoded = WINDOWS_1252.decode(ByteBuffer.wrap(new byte[] {(byte) codePoint})).toString();
    return decoded.equals("\uFFFD") ? String.valueOf((char) codePoint) : decoded;
  }

  private static boolean isDroppedCodePoint(int codePoint) {
    boolean control = (codePoint >= 0x01 && codePoint <= 0x08)
        || codePoint == 0x0B
        || (codePoint >= 0x0E && codePoint <= 0x1F)
        || (codePoint >= 0x7F && codePoint <= 0x9F);
    boolean nonCharacter = (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    return control || nonCharacter;
  }

  private static Map<String, String> buildEntities() {
    Map<String, String> entities = new HashMap<>();
    addLegacy(entities, "amp", '&');
    addLegacy(entities, "lt", '<');
    addLegacy(entities, "gt", '>');
    addLegacy(entities, "quot", '"');
    addLegacy(entities, "AMP", '&');
    addLegacy(entities, "LT", '<');
    addLegacy(entities, "GT", '>');
    addLegacy(entities, "QUOT", '"');
    addLegacy(entities, "COPY", '\u00A9');
    addLegacy(entities, "REG", '\u00AE');
    for (int i = 0; i < LATIN1_NAMES.length; i++) {
      addLegacy(entities, LATIN1_NAMES[i], (char) (0xA0 + i));
    }
    SEMICOLON_NAMES.forEach(
        (name, codePoint) -> entities.put(name + ";", new String(Character.toChars(codePoint))));
    return Map.copyOf(entities);
  }

  private static void addLegacy(Map<String, String> entities, String name, char value) {
    entities.put(name, String.valueOf(value));
    entities.put(name + ";", String.valueOf(value));
  }
}
