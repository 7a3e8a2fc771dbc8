package io.rsitr.report;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Mean and sample standard deviation (divisor n − 1) of one metric over the seeds of a group.
 *
 * @param std {@code NaN} for a single value, where the sample standard deviation is undefined
 */
public record MetricSummary(double mean, double std, int count) {

  /** Summarises the values; an empty list gives mean and std {@code NaN}. */
  public static MetricSummary of(List<Double> values) {
    double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
    double mean = array.length == 0 ? Double.NaN : new Mean().evaluate(array);
    double std = array.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(array);
    return new MetricSummary(mean, std, array.length);
  }
}
