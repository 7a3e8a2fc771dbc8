package io.rsitr.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REFERENCE QUIRK, off unless {@code train.select_on_test} is true: the reference keeps the
 * checkpoint with the best test mR, which leaks the test set into model selection. With the flag
 * on, the test split is scored after every epoch and the best of those scores is reported under
 * {@code test_selected_on_test/*}, beside the honest {@code test/*} numbers of the checkpoint
 * selected on validation.
 */
// NOTE: the best test score lives in memory only; a resumed run reports the best of the epochs
// after the resume.
final class TestSetSelection {

  static final String PREFIX = "test_selected_on_test/";

  private final MetricSink sink;
  private final ProgressListener progress;
  private EvaluationResult best;
  private int bestEpoch;

  TestSetSelection(MetricSink sink, ProgressListener progress) {
    this.sink = sink;
    this.progress = progress;
  }

  void observe(int epoch, EvaluationResult test, long step) {
    sink.log(Map.of(PREFIX + "epoch_mr", test.primaryRecall().meanRecall()), step);
    if (best == null || test.primaryRecall().meanRecall() > best.primaryRecall().meanRecall()) {
      best = test;
      bestEpoch = epoch;
    }
  }

  void report(long step) {
    if (best == null) {
      return;
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    best.metrics().forEach((key, value) -> metrics.put(PREFIX + key, value));
    metrics.put(PREFIX + "selected_epoch", (double) bestEpoch);
    sink.log(metrics, step);
    progress.onMessage("REFERENCE QUIRK (checkpoint selected on the TEST split, epoch " + bestEpoch + "; leaks the"
        + " test set): " + best.summary());
  }
}
