package io.rsitr.run;

import io.rsitr.eval.CalibrationResult;
import io.rsitr.eval.Recall;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.track.MlflowNames;
import io.rsitr.train.EvaluationResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks param and metric names against MLflow's rules before anything trains, so a name MLflow
 * rejects fails the run at once instead of at the first log call, hours later.
 */
public final class TrackingNames {

  private TrackingNames() {}

  /**
   * Checks every param of the spec and the validation and test metric names that every run logs.
   *
   * @throws IllegalArgumentException listing every invalid name
   */
  public static void checkSpec(ExperimentSpec spec) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> param : spec.flatParams().entrySet()) {
      collect(problems, "param", () -> {
        MlflowNames.validateKey(param.getKey());
        MlflowNames.validateParamValue(param.getKey(), param.getValue());
      });
    }
    for (String key : evaluationMetricKeys()) {
      collect(problems, "metric", () -> MlflowNames.validateKey(key));
    }
    throwIfAny(problems, "experiment '" + spec.name() + "'");
  }

  /**
   * Checks the metric names of the training steps, known once the training graph is built.
   *
   * @param stepMetrics the names of the step metrics without the {@code train/} prefix
   * @throws IllegalArgumentException listing every invalid name
   */
  public static void checkStepMetrics(Collection<String> stepMetrics, String experimentName) {
    List<String> problems = new ArrayList<>();
    for (String name : stepMetrics) {
      collect(problems, "metric", () -> MlflowNames.validateKey("train/" + name));
    }
    throwIfAny(problems, "the training graph of experiment '" + experimentName + "'");
  }

  /**
   * Returns {@code val/} and {@code test/} metric names as the evaluation produces them, with the
   * names of re-ranked runs included. Names that epoch listeners add are only known at the end of
   * the first epoch, so they are checked when they are logged.
   */
  static Set<String> evaluationMetricKeys() {
    Recall recall = Recall.of(0, 0, 0, 0, 0, 0);
    CalibrationResult calibration = new CalibrationResult(0, 0, List.of());
    EvaluationResult sample = new EvaluationResult(recall, recall, calibration, calibration, null, new int[0],
        new int[0]);
    Set<String> keys = new LinkedHashSet<>();
    for (String name : sample.metrics().keySet()) {
      keys.add("val/" + name);
      keys.add("test/" + name);
    }
    keys.add("test/selected_epoch");
    return keys;
  }

  private static void collect(List<String> problems, String kind, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      problems.add(kind + ": " + e.getMessage());
    }
  }

  private static void throwIfAny(List<String> problems, String subject) {
    if (problems.isEmpty()) {
      return;
    }
    throw new IllegalArgumentException("MLflow would reject " + problems.size() + " names of " + subject
        + ", so nothing was trained:\n  " + String.join("\n  ", problems)
        + "\nRename these keys in the experiment YAML or in the plugin that logs them.");
  }
}
