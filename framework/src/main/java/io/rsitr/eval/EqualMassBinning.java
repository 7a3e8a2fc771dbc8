package io.rsitr.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Equal-mass (adaptive) calibration bins and the statistics over them.
 *
 * <p>With n confidences sorted ascending as s[0..n-1], boundary k (k = 0..numBins) is s
 * linearly interpolated at position {@code k·n/numBins}, and a position at or past n − 1
 * takes s[n − 1]. This is what {@code np.interp(np.linspace(0, n, numBins + 1), np.arange(n), s)}
 * computes, and it reproduces the reference fixtures. A confidence c falls in bin k when
 * {@code lower_k < c <= upper_k}, so the smallest confidence falls in no bin and the fractions
 * sum to less than 1. The reference does the same, and we keep it so that ECE and gaps match.
 */
final class EqualMassBinning {

  private EqualMassBinning() {}

  static CalibrationResult calibrate(double[] confidences, boolean[] correct, int numBins) {
    if (numBins < 1) {
      throw new IllegalArgumentException("numBins is " + numBins + ", but it must be at least 1");
    }
    double[] boundaries = boundaries(confidences, numBins);

    List<CalibrationBin> bins = new ArrayList<>(numBins);
    double ece = 0.0;
    double gapSum = 0.0;
    for (int bin = 0; bin < numBins; bin++) {
      CalibrationBin stats =
          binStatistics(confidences, correct, boundaries[bin], boundaries[bin + 1]);
      bins.add(stats);
      ece += Math.abs(stats.gap()) * stats.fraction();
      gapSum += stats.gap();
    }
    return new CalibrationResult(ece, gapSum / numBins, bins);
  }

  /** Returns the numBins + 1 bin boundaries described in the class comment. */
  static double[] boundaries(double[] confidences, int numBins) {
    int n = confidences.length;
    if (n == 0) {
      throw new IllegalArgumentException("calibration needs at least one query");
    }
    double[] sorted = confidences.clone();
    Arrays.sort(sorted);

    double step = (double) n / numBins;
    double[] boundaries = new double[numBins + 1];
    for (int k = 0; k <= numBins; k++) {
      double position = k == numBins ? n : k * step;
      boundaries[k] = interpolate(sorted, position);
    }
    return boundaries;
  }

  private static double interpolate(double[] sorted, double position) {
    int last = sorted.length - 1;
    if (position >= last) {
      return sorted[last];
    }
    int index = (int) Math.floor(position);
    double fraction = position - index;
    if (fraction == 0.0) {
      return sorted[index];
    }
    return sorted[index] + (sorted[index + 1] - sorted[index]) * fraction;
  }

  private static CalibrationBin binStatistics(
      double[] confidences, boolean[] correct, double lower, double upper) {
    int count = 0;
    int hits = 0;
    double confidenceSum = 0.0;
    for (int i = 0; i < confidences.length; i++) {
      double confidence = confidences[i];
      if (confidence > lower && confidence <= upper) {
        count++;
        confidenceSum += confidence;
        if (correct[i]) {
          hits++;
        }
      }
    }
    if (count == 0) {
      return new CalibrationBin(lower, upper, 0, 0.0, 0.0, 0.0);
    }
    return new CalibrationBin(
        lower, upper, count, (double) count / confidences.length, confidenceSum / count,
        (double) hits / count);
  }
}
