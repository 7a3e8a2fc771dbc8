package io.rsitr.train;

import java.util.Map;

/**
 * Result of training: the test metrics of the selected checkpoint and the full test evaluation
 * (per-query ranks included, for paired comparisons between runs).
 */
public record TrainingOutcome(Map<String, Double> testMetrics, EvaluationResult test) {}
