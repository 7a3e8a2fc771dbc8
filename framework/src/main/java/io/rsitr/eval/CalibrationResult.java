package io.rsitr.eval;

import java.util.List;

/**
 * Calibration of one retrieval direction.
 *
 * @param ece expected calibration error: the sum over bins of |gap| × fraction
 * @param meanGap mean over all bins of {@code meanConfidence − accuracy}, empty bins counting 0
 * @param bins the equal-mass bins in increasing order of confidence
 */
public record CalibrationResult(double ece, double meanGap, List<CalibrationBin> bins) {

  public CalibrationResult {
    bins = List.copyOf(bins);
  }
}
