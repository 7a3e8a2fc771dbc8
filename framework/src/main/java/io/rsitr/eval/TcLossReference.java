package io.rsitr.eval;

/**
 * Plain-Java double-precision reference of the task-specific calibration (TC) loss, to check
 * the TensorFlow graph version against.
 *
 * <p>For logits L, soft targets Y and focusing parameter γ: {@code p = softmax_rows(L)},
 * {@code q = sign(γ)·p}, {@code W = clamp(|Y − q|, 1e-5, 2)^|γ| ⊙ Y}, and the loss is the mean
 * over rows of {@code −Σ_j W_ij·log p_ij}. γ > 0 down-weights targets that the model already
 * predicts well (focal), γ < 0 up-weights them, and γ = 0 gives the soft-target cross-entropy.
 * The image → text and text → image terms are this same function, each applied to its own
 * logits and targets with its own γ.
 */
public final class TcLossReference {

  static final double WEIGHT_BASE_MIN = 1e-5;
  static final double WEIGHT_BASE_MAX = 2.0;

  private TcLossReference() {}

  /**
   * Computes the TC loss.
   *
   * @param logits rows × classes
   * @param targets soft targets of the same shape, each row normally summing to 1
   * @param gamma focusing parameter
   * @throws IllegalArgumentException when the matrices are empty, ragged or of different shapes
   */
  public static double loss(double[][] logits, double[][] targets, double gamma) {
    checkShapes(logits, targets);
    double[] logProbabilities = new double[logits[0].length];
    double total = 0.0;
    for (int row = 0; row < logits.length; row++) {
      logSoftmax(logits[row], logProbabilities);
      total += rowLoss(logProbabilities, targets[row], gamma);
    }
    return total / logits.length;
  }

  private static double rowLoss(double[] logProbabilities, double[] targets, double gamma) {
    double sign = Math.signum(gamma);
    double exponent = Math.abs(gamma);
    double sum = 0.0;
    for (int j = 0; j < targets.length; j++) {
      double q = sign * Math.exp(logProbabilities[j]);
      double base = Math.min(WEIGHT_BASE_MAX, Math.max(WEIGHT_BASE_MIN, Math.abs(targets[j] - q)));
      double weight = Math.pow(base, exponent) * targets[j];
      sum -= weight * logProbabilities[j];
    }
    return sum;
  }

  /** Writes {@code log softmax(row)} into {@code target}, subtracting the row maximum first. */
  private static void logSoftmax(double[] row, double[] target) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : row) {
      max = Math.max(max, value);
    }
    double sum = 0.0;
    for (double value : row) {
      sum += Math.exp(value - max);
    }
    double logSum = Math.log(sum);
    for (int j = 0; j < row.length; j++) {
      target[j] = row[j] - max - logSum;
    }
  }

  private static void checkShapes(double[][] logits, double[][] targets) {
    if (logits == null || logits.length == 0 || logits[0] == null || logits[0].length == 0) {
      throw new IllegalArgumentException("logits must have at least one row and one column");
    }
    if (targets == null || targets.length != logits.length) {
      throw new IllegalArgumentException(
          "targets has " + (targets == null ? 0 : targets.length) + " rows but logits has "
              + logits.length);
    }
    int columns = logits[0].length;
    for (int row = 0; row < logits.length; row++) {
      if (logits[row] == null || logits[row].length != columns) {
        throw new IllegalArgumentException(
            "logits row " + row + " does not have " + columns + " values like row 0");
      }
      if (targets[row] == null || targets[row].length != columns) {
        throw new IllegalArgumentException(
            "targets row " + row + " does not have " + columns + " values like the logits");
      }
    }
  }
}
