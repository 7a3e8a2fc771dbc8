package io.rsitr.spec;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads numbers from plain YAML scalars, more widely than YAML 1.1 does.
 *
 * <p>SnakeYAML follows YAML 1.1, which types {@code 2e-5} and {@code 1e3} as strings because a float
 * there needs a dot and a signed exponent. Hyper-parameters are written that way all the time, so
 * numbers are read here instead, with this grammar: an optional sign, digits with an optional
 * fraction (or a fraction alone, as in {@code .5}), and an optional exponent with or without a sign.
 * Underscores between digits are allowed ({@code 1_000}) because YAML 1.1 allows them too. A number
 * may also be {@code .inf} with an optional sign. These are rejected: hexadecimal, octal and
 * sexagesimal forms, {@code .nan}, and integers with a leading zero such as {@code 017}, which YAML
 * 1.1 would read as octal 15.
 */
final class NumberSyntax {

  private static final Pattern DIGITS = Pattern.compile("\\d(?:_?\\d)*");
  private static final Pattern DECIMAL = Pattern.compile(
      "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
  private static final Pattern INFINITY = Pattern.compile("[+-]?\\.(?:inf|Inf|INF)");
  private static final Pattern LEADING_ZERO_INTEGER = Pattern.compile("[+-]?0_?\\d[\\d_]*");

  private NumberSyntax() {}

  /** Parses a number; throws {@link NumberFormatException} whose message says what is wrong. */
  static double parseDouble(String text) {
    if (INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    BigDecimal value = parseDecimal(text, "a number");
    double result = value.doubleValue();
    if (Double.isInfinite(result)) {
      throw new NumberFormatException("out of range for a 64-bit floating-point number");
    }
    return result;
  }

  /**
   * Parses a whole number. An exponent is allowed when the value is whole ({@code 1e3} is 1000),
   * but a fraction part is not, even {@code 64.0}, because it usually means the wrong parameter.
   */
  static long parseLong(String text) {
    BigDecimal value = parseDecimal(text, "an integer");
    if (text.contains(".")) {
      throw new NumberFormatException("expected an integer without a fraction part");
    }
    try {
      return value.toBigIntegerExact().longValueExact();
    } catch (ArithmeticException e) {
      throw new NumberFormatException(
          value.signum() != 0 && value.abs().compareTo(BigDecimal.ONE) < 0
              ? "expected an integer, but the exponent makes it a fraction"
              : "out of range for a 64-bit integer");
    }
  }

  /** Returns a {@link Long} or {@link Double} when {@code text} is a number, otherwise {@code null}. */
  static Object parseLoose(String text) {
    try {
      return parseLong(text);
    } catch (NumberFormatException notWhole) {
      try {
        return parseDouble(text);
      } catch (NumberFormatException notNumber) {
        return null;
      }
    }
  }

  private static BigDecimal parseDecimal(String text, String expected) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new NumberFormatException("expected " + expected);
    }
    if (LEADING_ZERO_INTEGER.matcher(text).matches()) {
      throw new NumberFormatException(
          "expected " + expected + " without a leading zero, because YAML 1.1 reads it as octal");
    }
    return new BigDecimal(text.replace("_", ""));
  }
}
