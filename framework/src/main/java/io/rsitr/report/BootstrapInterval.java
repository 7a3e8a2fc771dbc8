package io.rsitr.report;

/**
 * A difference with its bootstrap confidence interval.
 *
 * @param estimate the difference on all test queries, averaged over the seed pairs
 * @param lower the 2.5th percentile of the resampled differences
 * @param upper the 97.5th percentile of the resampled differences
 * @param pairs how many seed pairs the difference averages
 */
public record BootstrapInterval(double estimate, double lower, double upper, int pairs) {

  /** Returns whether the whole interval lies on one side of zero. */
  public boolean excludesZero() {
    return lower > 0 || upper < 0;
  }
}
