package io.rsitr.plugins.datasets;

/**
 * A shape the synthetic dataset draws, with the word captions use for it.
 *
 * <p>{@link #contains} tests a point in shape coordinates: the shape's centre is {@code (0, 0)},
 * its half-extent is 1, and {@code v} grows downwards as image rows do. Every shape contains its
 * centre, so the pixel at a shape's centre always has the shape's colour.
 */
public enum ShapeKind {
  CIRCLE("circle"),
  SQUARE("square"),
  TRIANGLE("triangle"),
  CROSS("cross"),
  DIAMOND("diamond");

  /** Half-width of the square, below 1 so that its area is close to the circle's. */
  private static final double SQUARE_HALF_SIDE = 0.85;
  /** Half-thickness of the cross's two bars. */
  private static final double CROSS_HALF_BAR = 0.32;
  /** Row of the triangle's base; its apex is at {@code v = -1}. */
  private static final double TRIANGLE_BASE = 0.8;

  private final String word;

  ShapeKind(String word) {
    this.word = word;
  }

  /** Returns the noun captions use, for example {@code circle}. */
  public String word() {
    return word;
  }

  /** Returns whether the point {@code (u, v)} in shape coordinates lies inside the shape. */
  public boolean contains(double u, double v) {
    double absU = Math.abs(u);
    double absV = Math.abs(v);
    return switch (this) {
      case CIRCLE -> u * u + v * v <= 1.0;
      case SQUARE -> absU <= SQUARE_HALF_SIDE && absV <= SQUARE_HALF_SIDE;
      case TRIANGLE -> v >= -1.0 && v <= TRIANGLE_BASE && absU <= (v + 1.0) / (TRIANGLE_BASE + 1.0);
      case CROSS -> (absU <= CROSS_HALF_BAR && absV <= 1.0) || (absV <= CROSS_HALF_BAR && absU <= 1.0);
      case DIAMOND -> absU + absV <= 1.0;
    };
  }
}
