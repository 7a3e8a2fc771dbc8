package io.rsitr.eval;

/** Shape checks shared by the score matrix implementations and the metrics. */
final class ScoreMatrixShapes {

  private ScoreMatrixShapes() {}

  /** Rejects a missing row (length -1) or a row whose length differs from the first row. */
  static void checkRowLength(int row, int length, int expectedLength) {
    if (length < 0) {
      throw new IllegalArgumentException("score matrix row " + row + " is null");
    }
    if (length != expectedLength) {
      throw new IllegalArgumentException(
          "score matrix row " + row + " has " + length + " values but row 0 has "
              + expectedLength + ", but every row must have the same length");
    }
  }

  /** Rejects a matrix whose shape does not match the ground truth. */
  static void checkShape(
      String name, ScoreMatrix scores, int expectedRows, int expectedColumns, String meaning) {
    if (scores.rows() != expectedRows || scores.columns() != expectedColumns) {
      throw new IllegalArgumentException(
          name + " has shape " + scores.rows() + "x" + scores.columns() + " but the ground truth"
              + " needs " + expectedRows + "x" + expectedColumns + " (" + meaning + ")");
    }
  }

  /** Rejects a NaN score, which would compare false with everything and fake a top rank. */
  static void checkNotNaN(String name, int row, double[] values, int length) {
    for (int column = 0; column < length; column++) {
      if (Double.isNaN(values[column])) {
        throw new IllegalArgumentException(
            name + " contains NaN at row " + row + ", column " + column);
      }
    }
  }
}
