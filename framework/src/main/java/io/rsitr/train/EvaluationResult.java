package io.rsitr.train;

import io.rsitr.eval.CalibrationResult;
import io.rsitr.eval.Recall;
import io.rsitr.plugin.ValidationScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recall and calibration of one split, with the scores they came from.
 *
 * @param recall dual-encoder recall
 * @param rerankedRecall recall after re-ranking by the interaction, or {@code null} without one
 * @param imageRanks per image query, the rank of its best caption (re-ranked when available)
 * @param captionRanks per caption query, the rank of its image (re-ranked when available)
 */
public record EvaluationResult(
    Recall recall,
    Recall rerankedRecall,
    CalibrationResult calibrationI2t,
    CalibrationResult calibrationT2i,
    ValidationScores scores,
    int[] imageRanks,
    int[] captionRanks) {

  /** Returns the recall the run reports and selects on: re-ranked when an interaction scores pairs. */
  public Recall primaryRecall() {
    return rerankedRecall != null ? rerankedRecall : recall;
  }

  /**
   * Returns metrics keyed without prefix: {@code i2t_r1} ... {@code mr} of the primary recall,
   * {@code dual_*} recall without re-ranking when re-ranking applies, and calibration.
   */
  public Map<String, Double> metrics() {
    Map<String, Double> metrics = new LinkedHashMap<>(primaryRecall().toMetricMap(""));
    if (rerankedRecall != null) {
      metrics.putAll(recall.toMetricMap("dual_"));
    }
    metrics.put("i2t_ece", calibrationI2t.ece());
    metrics.put("i2t_mean_gap", calibrationI2t.meanGap());
    metrics.put("t2i_ece", calibrationT2i.ece());
    metrics.put("t2i_mean_gap", calibrationT2i.meanGap());
    return metrics;
  }

  /** Returns a one-line summary with two decimals, as retrieval papers report. */
  public String summary() {
    Recall r = primaryRecall();
    String text = String.format("R@1/5/10 i2t %.2f/%.2f/%.2f  t2i %.2f/%.2f/%.2f  mR %.2f", r.i2tR1(), r.i2tR5(),
        r.i2tR10(), r.t2iR1(), r.t2iR5(), r.t2iR10(), r.meanRecall());
    return rerankedRecall == null ? text : text + String.format(" (re-ranked; dual encoder mR %.2f)",
        recall.meanRecall());
  }
}
