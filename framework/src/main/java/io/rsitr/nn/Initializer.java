package io.rsitr.nn;

/** Initial-value rule of a parameter, used before any weights are imported. */
public record Initializer(Kind kind, double value) {

  public enum Kind {
    CONSTANT,
    NORMAL,
    TRUNCATED_NORMAL
  }

  public static Initializer zeros() {
    return new Initializer(Kind.CONSTANT, 0.0);
  }

  public static Initializer ones() {
    return new Initializer(Kind.CONSTANT, 1.0);
  }

  public static Initializer constant(double value) {
    return new Initializer(Kind.CONSTANT, value);
  }

  /** Normal distribution with mean 0 and the given standard deviation. */
  public static Initializer normal(double std) {
    return new Initializer(Kind.NORMAL, std);
  }

  /** Xavier (Glorot) normal for a {@code fanIn × fanOut} weight. */
  public static Initializer xavierNormal(long fanIn, long fanOut) {
    return normal(Math.sqrt(2.0 / (fanIn + fanOut)));
  }
}
