package io.rsitr.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retrieval recall in percent: R@1, R@5 and R@10 for image → text (i2t) and text → image
 * (t2i), and their mean (mR).
 */
public record Recall(
    double i2tR1,
    double i2tR5,
    double i2tR10,
    double t2iR1,
    double t2iR5,
    double t2iR10,
    double meanRecall) {

  /** Creates the record from the six recall values, computing mR as their mean. */
  public static Recall of(
      double i2tR1, double i2tR5, double i2tR10, double t2iR1, double t2iR5, double t2iR10) {
    double meanRecall = (i2tR1 + i2tR5 + i2tR10 + t2iR1 + t2iR5 + t2iR10) / 6.0;
    return new Recall(i2tR1, i2tR5, i2tR10, t2iR1, t2iR5, t2iR10, meanRecall);
  }

  /**
   * Returns the values under the metric keys {@code i2t_r1, i2t_r5, i2t_r10, t2i_r1, t2i_r5,
   * t2i_r10, mr}, each preceded by {@code prefix} (for example {@code "val/"}), in that order.
   */
  public Map<String, Double> toMetricMap(String prefix) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(prefix + "i2t_r1", i2tR1);
    metrics.put(prefix + "i2t_r5", i2tR5);
    metrics.put(prefix + "i2t_r10", i2tR10);
    metrics.put(prefix + "t2i_r1", t2iR1);
    metrics.put(prefix + "t2i_r5", t2iR5);
    metrics.put(prefix + "t2i_r10", t2iR10);
    metrics.put(prefix + "mr", meanRecall);
    return metrics;
  }
}
