package io.rsitr.train;

import io.rsitr.data.pipeline.Batch;
import io.rsitr.data.pipeline.BatchLoader;
import io.rsitr.data.pipeline.EpochPlan;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.EpochListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Session;

/**
 * The training loop: steps over seeded epochs, validation and epoch listeners after each epoch,
 * checkpoints ({@code latest} every epoch, {@code best} by validation mR), and the test split scored
 * once with the selected checkpoint.
 */
public final class Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final TrainingRun run;
  private final StepRunner steps;
  private final TestSetSelection referenceSelection;

  public Trainer(TrainingRun run) {
    this.run = run;
    this.steps = new StepRunner(run.session(), run.graph(), run.seed());
    this.referenceSelection = new TestSetSelection(run.sink(), run.progress());
  }

  /** Trains from {@code resume} (or from the start when {@code null}) and returns the test metrics. */
  public TrainingOutcome train(CheckpointState resume) {
    TrainSettings settings = run.train();
    DataSplit trainSplit = run.dataset().train();
    int stepsPerEpoch = stepsPerEpoch(trainSplit, settings);
    long totalSteps = (long) stepsPerEpoch * settings.epochs();
    LearningRateSchedule schedule =
        LearningRateSchedule.withWarmupFraction(settings.minLr(), settings.maxLr(), settings.warmupFraction(), totalSteps);

    int startEpoch = resume == null ? 0 : resume.epochsDone();
    long globalStep = resume == null ? 0 : resume.globalStep();
    double bestMeanRecall = resume == null ? Double.NEGATIVE_INFINITY : resume.bestValMeanRecall();
    int bestEpoch = resume == null ? 0 : resume.bestEpoch();
    if (resume != null) {
      restoreListeners(resume.listenerState());
    }

    try (BatchLoader loader = run.newBatchLoader()) {
      for (int epoch = startEpoch; epoch < settings.epochs(); epoch++) {
        try {
          globalStep = trainEpoch(loader, epoch, stepsPerEpoch, globalStep, totalSteps, schedule);
        } catch (TrainingInterruptedException e) {
          boolean interrupted = Thread.interrupted();
          // Saved mid-epoch: the epoch plan and every step's randomness derive from the seed, so a
          // resumed run continues with the very next batch.
          run.checkpoints().save(Checkpoints.LATEST, run.session(), new CheckpointState(epoch, e.step(),
              bestMeanRecall, bestEpoch, listenerState(), run.configHash(), run.runId()));
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
          throw e;
        }

        EvaluationResult validation = run.evaluator().evaluate(run.dataset().val());
        Map<String, Double> valMetrics = new LinkedHashMap<>(validation.metrics());
        for (EpochListener listener : run.graph().loss().epochListeners()) {
          valMetrics.putAll(listener.onEpochEnd(epoch + 1, validation.scores()));
        }
        run.sink().log(prefixed("val/", valMetrics), globalStep);
        run.progress().onMessage(String.format("epoch %d/%d validation: %s", epoch + 1, settings.epochs(),
            validation.summary()));
        if (settings.selectOnTest()) {
          referenceSelection.observe(epoch + 1, run.evaluator().evaluate(run.dataset().test()), globalStep);
        }

        double meanRecall = validation.primaryRecall().meanRecall();
        boolean improved = meanRecall > bestMeanRecall;
        if (improved) {
          bestMeanRecall = meanRecall;
          bestEpoch = epoch + 1;
        }
        CheckpointState state = new CheckpointState(epoch + 1, globalStep, bestMeanRecall, bestEpoch,
            listenerState(), run.configHash(), run.runId());
        run.checkpoints().save(Checkpoints.LATEST, run.session(), state);
        if (improved) {
          run.checkpoints().copy(Checkpoints.LATEST, Checkpoints.BEST);
        }
      }
    }
    return scoreTest(globalStep, bestEpoch);
  }

  private long trainEpoch(BatchLoader loader, int epoch, int stepsPerEpoch, long globalStep, long totalSteps,
      LearningRateSchedule schedule) {
    TrainSettings settings = run.train();
    EpochPlan plan = new EpochPlan(run.dataset().train(), settings.batchSize(), run.seed(), epoch);
    long epochStart = System.nanoTime();
    int firstBatch = (int) (globalStep - (long) epoch * stepsPerEpoch);
    BatchLoader.EpochBatches batches = loader.epoch(plan, epoch, firstBatch);
    for (int batch = firstBatch; batch < stepsPerEpoch && batches.hasNext(); batch++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new TrainingInterruptedException(globalStep);
      }
      double learningRate = schedule.at(globalStep);
      Batch nextBatch;
      try {
        nextBatch = batches.next();
      } catch (IllegalStateException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new TrainingInterruptedException(globalStep);
        }
        throw e;
      }
      Map<String, Double> metrics = steps.run(nextBatch, globalStep, learningRate);
      requireFinite(metrics, globalStep);
      if (globalStep % settings.logEvery() == 0 || batch == stepsPerEpoch - 1) {
        Map<String, Double> logged = prefixed("train/", metrics);
        logged.put("train/lr", learningRate);
        run.sink().log(logged, globalStep);
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double pairsPerSecond = (batch - firstBatch + 1) * (double) settings.batchSize() / Math.max(seconds, 1e-9);
        double secondsLeft = (totalSteps - globalStep - 1) * settings.batchSize() / Math.max(pairsPerSecond, 1e-9);
        run.progress().onStep(epoch + 1, settings.epochs(), globalStep + 1, totalSteps, metrics.get("loss"),
            learningRate, pairsPerSecond, secondsLeft);
      }
      globalStep++;
    }
    return globalStep;
  }

  private TrainingOutcome scoreTest(long globalStep, int bestEpoch) {
    boolean selected = run.checkpoints().exists(Checkpoints.BEST);
    if (selected) {
      run.checkpoints().restore(Checkpoints.BEST, run.session());
    }
    EvaluationResult test = run.evaluator().evaluate(run.dataset().test());
    Map<String, Double> metrics = new LinkedHashMap<>(test.metrics());
    metrics.put("selected_epoch", (double) bestEpoch);
    referenceSelection.report(globalStep);
    run.sink().log(prefixed("test/", metrics), globalStep);
    run.progress().onMessage((selected
        ? "test (checkpoint of epoch " + bestEpoch + ", selected on validation mR): "
        : "test (final weights: no epoch had a finite validation mR to select on): ") + test.summary());
    LOG.info("test metrics of epoch {}: {}", bestEpoch, test.summary());
    return new TrainingOutcome(metrics, test);
  }

  private static int stepsPerEpoch(DataSplit trainSplit, TrainSettings settings) {
    int full = trainSplit.numImages() / settings.batchSize();
    if (full == 0) {
      throw new IllegalArgumentException("the train split has " + trainSplit.numImages()
          + " images, fewer than train.batch_size " + settings.batchSize() + "; lower the batch size");
    }
    return settings.maxStepsPerEpoch() > 0 ? Math.min(full, settings.maxStepsPerEpoch()) : full;
  }

  private static void requireFinite(Map<String, Double> metrics, long step) {
    for (double value : metrics.values()) {
      if (!Double.isFinite(value)) {
        throw new NonFiniteLossException(step, metrics);
      }
    }
  }

  private Map<String, Double> listenerState() {
    Map<String, Double> state = new HashMap<>();
    for (EpochListener listener : run.graph().loss().epochListeners()) {
      state.putAll(listener.state());
    }
    return state;
  }

  private void restoreListeners(Map<String, Double> state) {
    for (EpochListener listener : run.graph().loss().epochListeners()) {
      listener.restore(state);
    }
  }

  static Map<String, Double> prefixed(String prefix, Map<String, Double> metrics) {
    Map<String, Double> result = new LinkedHashMap<>();
    metrics.forEach((key, value) -> result.put(prefix + key, value));
    return result;
  }
}
