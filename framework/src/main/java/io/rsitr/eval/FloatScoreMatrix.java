package io.rsitr.eval;

/** {@link ScoreMatrix} over a caller-owned {@code float[][]}. */
final class FloatScoreMatrix implements ScoreMatrix {

  private final float[][] scores;

  FloatScoreMatrix(float[][] scores) {
    if (scores == null || scores.length == 0 || scores[0] == null || scores[0].length == 0) {
      throw new IllegalArgumentException("score matrix must have at least one row and one column");
    }
    for (int row = 0; row < scores.length; row++) {
      int length = scores[row] == null ? -1 : scores[row].length;
      ScoreMatrixShapes.checkRowLength(row, length, scores[0].length);
    }
    this.scores = scores;
  }

  @Override
  public int rows() {
    return scores.length;
  }

  @Override
  public int columns() {
    return scores[0].length;
  }

  @Override
  public void copyRow(int row, double[] target) {
    float[] source = scores[row];
    for (int column = 0; column < source.length; column++) {
      target[column] = source[column];
    }
  }
}
