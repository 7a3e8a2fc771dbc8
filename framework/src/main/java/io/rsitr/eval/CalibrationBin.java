package io.rsitr.eval;

/**
 * One equal-mass calibration bin: the confidences c with {@code lower < c <= upper}.
 *
 * @param lower lower boundary (exclusive)
 * @param upper upper boundary (inclusive)
 * @param count number of queries in the bin
 * @param fraction count divided by the number of queries in the split
 * @param meanConfidence mean confidence of the bin's queries, 0 for an empty bin
 * @param accuracy fraction of the bin's queries whose prediction is correct, 0 for an empty bin
 */
public record CalibrationBin(
    double lower,
    double upper,
    int count,
    double fraction,
    double meanConfidence,
    double accuracy) {

  /** Returns {@code meanConfidence − accuracy}, positive when the model is over-confident. */
  public double gap() {
    return meanConfidence - accuracy;
  }
}
