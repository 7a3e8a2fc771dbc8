package io.rsitr.data.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The dataset caption normalisation applied before tokenising ({@code pre_caption} in the
 * reference training code).
 *
 * <p>Steps, in order:
 *
 * <ol>
 *   <li>lower-case;
 *   <li>delete {@code , . ' ! ? " ( ) * # : ; ~};
 *   <li>replace {@code -} and {@code /} with a space;
 *   <li>replace {@code <person>} with {@code person};
 *   <li>turn every whitespace run, including a single tab or line break, into one space;
 *   <li>strip;
 *   <li>keep at most {@code maxWords} words.
 * </ol>
 *
 * <p>Lower-casing comes first, so {@code <PERSON>} also becomes {@code person}. HTML entities are
 * not decoded here, so {@code &amp;} becomes {@code &amp} and the tokenizer decodes it later.
 */
public final class CaptionNormalizer {

  private static final Pattern DELETED_CHARACTERS = Pattern.compile("[,.'!?\"()*#:;~]");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[-/]");
  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private CaptionNormalizer() {}

  /**
   * Normalises a caption and keeps at most {@code maxWords} words.
   *
   * @throws IllegalArgumentException when nothing is left, with a message that names the caption.
   *     Callers that want to add a file and index should use {@link #normalize(String, int)}.
   */
  public static String preCaption(String caption, int maxWords) {
    NormalizedCaption normalized = normalize(caption, maxWords);
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException(
          "caption '" + caption + "' is empty after normalisation, which deletes punctuation."
              + " Fix or remove the caption in the annotation file.");
    }
    return normalized.text();
  }

  /**
   * Normalises a caption and reports truncation. An empty result is returned, not rejected, so
   * that the caller can name the annotation file and caption index in its own error.
   *
   * @throws IllegalArgumentException when {@code maxWords} is below 1
   */
  public static NormalizedCaption normalize(String caption, int maxWords) {
    Objects.requireNonNull(caption, "caption");
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords is " + maxWords + " but must be at least 1");
    }
    String text = caption.toLowerCase(Locale.ROOT);
    text = DELETED_CHARACTERS.matcher(text).replaceAll("");
    text = WORD_SEPARATORS.matcher(text).replaceAll(" ");
    text = text.replace("<person>", "person");
    text = WHITESPACE_RUN.matcher(text).replaceAll(" ").strip();
    if (text.isEmpty()) {
      return new NormalizedCaption("", 0, false);
    }

    String[] words = text.split(" ");
    if (words.length <= maxWords) {
      return new NormalizedCaption(text, words.length, false);
    }
    String keptWords = String.join(" ", Arrays.copyOf(words, maxWords));
    return new NormalizedCaption(keptWords, words.length, true);
  }
}
