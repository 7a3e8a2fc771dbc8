package io.rsitr.train;

import java.util.Map;

/**
 * What training produced: the test metrics of the selected checkpoint and the full test evaluation
 * (per-query ranks included, for paired comparisons between runs).
 */
public record TrainingOutcome(Map<String, Double> testMetrics, EvaluationResult test) {}
