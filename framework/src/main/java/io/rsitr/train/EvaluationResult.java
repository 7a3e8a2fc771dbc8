package io.rsitr.train;

import io.rsitr.eval.CalibrationResult;
import io.rsitr.eval.Recall;
import io.rsitr.plugin.ValidationScores;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recall and calibration of one split, with the scores they came from. */
public record EvaluationResult(
    Recall recall, CalibrationResult calibrationI2t, CalibrationResult calibrationT2i, ValidationScores scores) {

  /** Returns metrics keyed without prefix: {@code i2t_r1} ... {@code mr}, {@code i2t_ece}, ... */
  public Map<String, Double> metrics() {
    Map<String, Double> metrics = new LinkedHashMap<>(recall.toMetricMap(""));
    metrics.put("i2t_ece", calibrationI2t.ece());
    metrics.put("i2t_mean_gap", calibrationI2t.meanGap());
    metrics.put("t2i_ece", calibrationT2i.ece());
    metrics.put("t2i_mean_gap", calibrationT2i.meanGap());
    return metrics;
  }

  /** Returns a one-line summary with two decimals, as retrieval papers report. */
  public String summary() {
    return String.format("R@1/5/10 i2t %.2f/%.2f/%.2f  t2i %.2f/%.2f/%.2f  mR %.2f", recall.i2tR1(), recall.i2tR5(),
        recall.i2tR10(), recall.t2iR1(), recall.t2iR5(), recall.t2iR10(), recall.meanRecall());
  }
}
