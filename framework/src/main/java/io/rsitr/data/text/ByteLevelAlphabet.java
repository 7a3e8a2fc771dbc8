package io.rsitr.data.text;

import java.nio.charset.StandardCharsets;

/**
 * The byte-to-character table of CLIP's byte-level BPE.
 *
 * <p>Every byte value gets a printable character so that merges can be written as plain text. The
 * 188 bytes that are already printable Latin-1 ({@code !}..{@code ~}, {@code ¡}..{@code ¬},
 * {@code ®}..{@code ÿ}) map to themselves. The other 68 (controls, space, soft hyphen) map to
 * {@code U+0100} upwards in byte order. The table order (printable bytes first) also fixes the
 * first 256 vocabulary ids, which is why id 0 is {@code !}.
 */
final class ByteLevelAlphabet {

  static final int SIZE = 256;

  private static final char[] CHAR_OF_BYTE = new char[SIZE];
  private static final char[] CHAR_OF_ID = new char[SIZE];

  static {
    int id = 0;
    for (int b = 0; b < SIZE; b++) {
      if (isPrintableLatin1(b)) {
        CHAR_OF_BYTE[b] = (char) b;
        CHAR_OF_ID[id++] = (char) b;
      }
    }
    int shifted = 0;
    for (int b = 0; b < SIZE; b++) {
      if (!isPrintableLatin1(b)) {
        CHAR_OF_BYTE[b] = (char) (SIZE + shifted++);
        CHAR_OF_ID[id++] = CHAR_OF_BYTE[b];
      }
    }
  }

  private ByteLevelAlphabet() {}

  /** Returns the character of vocabulary id {@code id}, for ids 0..255. */
  static char charOfId(int id) {
    return CHAR_OF_ID[id];
  }

  /** Encodes the text as UTF-8 and writes each byte as its alphabet character. */
  static String toByteChars(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder chars = new StringBuilder(utf8.length);
    for (byte b : utf8) {
      chars.append(CHAR_OF_BYTE[b & 0xFF]);
    }
    return chars.toString();
  }

  private static boolean isPrintableLatin1(int b) {
    return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
  }
}
