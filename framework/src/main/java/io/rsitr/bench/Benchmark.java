package io.rsitr.bench;

import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.ExperimentSession;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.train.TrainSettings;
import io.rsitr.train.TrainingThroughput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.TensorFlow;

/**
 * Measures one experiment configuration: training pairs per second on random inputs, images per
 * second of the data pipeline, the time to score the test split, and peak memory.
 *
 * <p>The parts run one after another, never at the same time, so the pipeline figure is what the
 * workers reach with the CPU to themselves. During training they share it with the training step.
 */
public final class Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

  private final PluginRegistry registry;

  public Benchmark(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * Runs the measurements and returns the report, keyed as {@code rsitr bench} prints it; skipped
   * parts have {@code null} values.
   */
  public Map<String, Object> run(ExperimentSpec spec, BenchmarkOptions options) {
    Map<String, Object> report = new LinkedHashMap<>();
    describe(report, spec);
    try (ExperimentSession session = ExperimentSession.open(registry, spec)) {
      session.initialiseFresh();
      TrainSettings settings = session.settings();
      PipelineThroughput.Measurement pipeline = options.pipeline() ? measurePipeline(session, options) : null;
      TrainingThroughput.Measurement training = measureTraining(session, options);
      report.put("train_steps", training.steps());
      report.put("train_warmup_steps", options.warmupSteps());
      report.put("train_seconds", training.seconds());
      report.put("train_pairs_per_second", training.pairsPerSecond());

      report.put("pipeline_workers", settings.workers());
      report.put("pipeline_batches", pipeline == null ? null : pipeline.batches());
      report.put("pipeline_images_per_second", pipeline == null ? null : pipeline.imagesPerSecond());
      report.put("pipeline_to_training_ratio",
          pipeline == null ? null : pipeline.imagesPerSecond() / training.pairsPerSecond());

      putEvaluation(report, session, options);
    }
    report.put("peak_rss_mib", MemoryUsage.peakResidentMib());
    report.put("heap_max_used_mib", MemoryUsage.heapPeakUsedMib());
    return report;
  }

  private static void describe(Map<String, Object> report, ExperimentSpec spec) {
    report.put("experiment", spec.name());
    report.put("config_hash", spec.configHash());
    report.put("batch_size", spec.section("train").getInt("batch_size"));
    report.put("threads", spec.section("runtime").getInt("threads"));
    report.put("device", spec.section("runtime").getString("device"));
    report.put("tensorflow_version", TensorFlow.version());
    report.put("java_version", System.getProperty("java.version"));
    report.put("os_arch", System.getProperty("os.arch"));
    report.put("available_processors", Runtime.getRuntime().availableProcessors());
  }

  private static PipelineThroughput.Measurement measurePipeline(ExperimentSession session, BenchmarkOptions options) {
    TrainSettings settings = session.settings();
    LOG.info("timing the data pipeline: {} batches of {} with {} workers", options.steps(), settings.batchSize(),
        settings.workers());
    try (var loader = session.newTrainLoader()) {
      return PipelineThroughput.measure(loader, session.dataset().train(), settings.batchSize(),
          session.spec().seed(), options.steps());
    }
  }

  private static TrainingThroughput.Measurement measureTraining(ExperimentSession session, BenchmarkOptions options) {
    TrainSettings settings = session.settings();
    LOG.info("timing {} training steps of batch {} after {} warm-up steps", options.steps(), settings.batchSize(),
        options.warmupSteps());
    return TrainingThroughput.measure(session.session(), session.graph(), session.spec().seed(),
        TrainingThroughput.randomBatch(session.backbone(), settings.batchSize(), session.spec().seed()),
        options.warmupSteps(), options.steps(), settings.maxLr());
  }

  private static void putEvaluation(Map<String, Object> report, ExperimentSession session, BenchmarkOptions options) {
    DataSplit test = session.dataset().test();
    boolean reranks = session.graph().interactionGraph() != null;
    report.put("eval_images", test.numImages());
    report.put("eval_captions", test.numCaptions());
    report.put("eval_rerank_k", reranks ? session.spec().section("eval").getInt("rerank_k") : null);
    report.put("eval_reranked", reranks);
    if (!options.evaluation()) {
      report.put("eval_seconds", null);
      return;
    }
    LOG.info("timing evaluation of the test split: {} images, {} captions", test.numImages(), test.numCaptions());
    long start = System.nanoTime();
    session.evaluator().evaluate(test);
    report.put("eval_seconds", (System.nanoTime() - start) / 1e9);
  }
}
