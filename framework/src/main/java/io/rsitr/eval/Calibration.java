package io.rsitr.eval;

/**
 * Calibration of a retrieval model's row-softmax predictions, used once per epoch to update
 * the focusing parameters of the TC loss (see {@link GammaSchedule}).
 *
 * <p>Each score row becomes a probability distribution by a softmax. The confidence of a query
 * is its largest probability and the prediction is that column, the first one on ties (as
 * {@code argmax} in NumPy and PyTorch). The prediction is correct when it is a ground-truth
 * match: for image → text any caption of the image, for text → image the caption's image. The
 * confidences then go into equal-mass bins (see {@link EqualMassBinning}).
 */
public final class Calibration {

  private Calibration() {}

  /**
   * Computes the image → text calibration.
   *
   * @param scoresI2t images × captions
   * @param numBins number of equal-mass bins, at least 1
   */
  public static CalibrationResult i2t(float[][] scoresI2t, GroundTruth groundTruth, int numBins) {
    return i2t(ScoreMatrix.of(scoresI2t), groundTruth, numBins);
  }

  /** Computes the image → text calibration, as {@link #i2t(float[][], GroundTruth, int)} does. */
  public static CalibrationResult i2t(double[][] scoresI2t, GroundTruth groundTruth, int numBins) {
    return i2t(ScoreMatrix.of(scoresI2t), groundTruth, numBins);
  }

  /** Computes the image → text calibration, as {@link #i2t(float[][], GroundTruth, int)} does. */
  public static CalibrationResult i2t(ScoreMatrix scoresI2t, GroundTruth groundTruth, int numBins) {
    ScoreMatrixShapes.checkShape(
        "scoresI2t", scoresI2t, groundTruth.numImages(), groundTruth.numCaptions(),
        "images x captions");
    int numImages = scoresI2t.rows();
    double[] row = new double[scoresI2t.columns()];
    double[] confidences = new double[numImages];
    boolean[] correct = new boolean[numImages];

    for (int image = 0; image < numImages; image++) {
      scoresI2t.copyRow(image, row);
      ScoreMatrixShapes.checkNotNaN("scoresI2t", image, row, row.length);
      confidences[image] = maxSoftmaxProbability(row);
      correct[image] = groundTruth.imageOf(firstArgmax(row)) == image;
    }
    return EqualMassBinning.calibrate(confidences, correct, numBins);
  }

  /**
   * Computes the text → image calibration.
   *
   * @param scoresT2i captions × images
   * @param numBins number of equal-mass bins, at least 1
   */
  public static CalibrationResult t2i(float[][] scoresT2i, GroundTruth groundTruth, int numBins) {
    return t2i(ScoreMatrix.of(scoresT2i), groundTruth, numBins);
  }

  /** Computes the text → image calibration, as {@link #t2i(float[][], GroundTruth, int)} does. */
  public static CalibrationResult t2i(double[][] scoresT2i, GroundTruth groundTruth, int numBins) {
    return t2i(ScoreMatrix.of(scoresT2i), groundTruth, numBins);
  }

  /** Computes the text → image calibration, as {@link #t2i(float[][], GroundTruth, int)} does. */
  public static CalibrationResult t2i(ScoreMatrix scoresT2i, GroundTruth groundTruth, int numBins) {
    ScoreMatrixShapes.checkShape(
        "scoresT2i", scoresT2i, groundTruth.numCaptions(), groundTruth.numImages(),
        "captions x images");
    int numCaptions = scoresT2i.rows();
    double[] row = new double[scoresT2i.columns()];
    double[] confidences = new double[numCaptions];
    boolean[] correct = new boolean[numCaptions];

    for (int caption = 0; caption < numCaptions; caption++) {
      scoresT2i.copyRow(caption, row);
      ScoreMatrixShapes.checkNotNaN("scoresT2i", caption, row, row.length);
      confidences[caption] = maxSoftmaxProbability(row);
      correct[caption] = firstArgmax(row) == groundTruth.imageOf(caption);
    }
    return EqualMassBinning.calibrate(confidences, correct, numBins);
  }

  /**
   * Returns the largest softmax probability of a row, {@code 1 / Σ exp(x_j − max x)}. Subtracting
   * the maximum keeps every exponent at or below 0, so nothing overflows.
   */
  static double maxSoftmaxProbability(double[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : row) {
      max = Math.max(max, value);
    }
    double sum = 0.0;
    for (double value : row) {
      sum += Math.exp(value - max);
    }
    return 1.0 / sum;
  }

  /**
   * Returns the first column with the largest score. The softmax is monotonic, so this is also
   * the first column with the largest probability.
   */
  static int firstArgmax(double[] row) {
    int best = 0;
    for (int column = 1; column < row.length; column++) {
      if (row[column] > row[best]) {
        best = column;
      }
    }
    return best;
  }
}
