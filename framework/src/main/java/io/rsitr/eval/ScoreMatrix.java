package io.rsitr.eval;

/**
 * Read access to a dense score matrix (queries × candidates) without boxing, so that the
 * metrics run on {@code float[][]} and {@code double[][]} alike.
 *
 * <p>The factories check that the matrix is non-empty and rectangular but keep a reference to
 * the caller's array instead of copying it, because evaluation matrices can hold millions of
 * entries. Do not change the array while a metric reads it.
 */
public interface ScoreMatrix {

  int rows();

  int columns();

  /** Copies one row into {@code target}, which must have room for {@link #columns()} values. */
  void copyRow(int row, double[] target);

  /**
   * Wraps a float matrix.
   *
   * @throws IllegalArgumentException when the matrix is empty or ragged
   */
  static ScoreMatrix of(float[][] scores) {
    return new FloatScoreMatrix(scores);
  }

  /**
   * Wraps a double matrix.
   *
   * @throws IllegalArgumentException when the matrix is empty or ragged
   */
  static ScoreMatrix of(double[][] scores) {
    return new DoubleScoreMatrix(scores);
  }
}
