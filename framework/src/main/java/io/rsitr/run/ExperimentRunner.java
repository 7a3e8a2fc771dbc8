package io.rsitr.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rsitr.data.pipeline.BatchLoader;
import io.rsitr.data.pipeline.CaptionEncoder;
import io.rsitr.data.pipeline.ImagePreprocessor;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.Dataset;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.report.MetricHistory;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.spec.PluginChoice;
import io.rsitr.track.RunStatus;
import io.rsitr.track.TrackedRun;
import io.rsitr.track.Tracker;
import io.rsitr.train.CheckpointState;
import io.rsitr.train.Checkpoints;
import io.rsitr.train.NonFiniteLossException;
import io.rsitr.train.ProgressListener;
import io.rsitr.train.Reranker;
import io.rsitr.train.TrainingOutcome;
import io.rsitr.train.SplitEncoder;
import io.rsitr.train.SplitEvaluator;
import io.rsitr.train.TrainSettings;
import io.rsitr.train.Trainer;
import io.rsitr.train.TrainingGraph;
import io.rsitr.train.TrainingInterruptedException;
import io.rsitr.train.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * Runs one experiment end to end: plugins from the registry, data, the training graph, training,
 * the test score, and tracking of parameters, metrics and artifacts.
 */
public final class ExperimentRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
  private static final String RUN_NAME_TAG = "mlflow.runName";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PluginRegistry registry;
  private final Tracker tracker;
  private final ProgressListener progress;

  public ExperimentRunner(PluginRegistry registry, Tracker tracker, ProgressListener progress) {
    this.registry = registry;
    this.tracker = tracker;
    this.progress = progress;
  }

  /**
   * Trains {@code spec} and returns its test metrics.
   *
   * @param resumeRunId a run to continue from its latest checkpoint, or {@code null}
   * @param parentRunId the parent run of an ablation cell, or {@code null}
   */
  public RunOutcome train(ExperimentSpec spec, String resumeRunId, String parentRunId) {
    return train(spec, resumeRunId, parentRunId, Map.of());
  }

  /**
   * Trains {@code spec} like {@link #train(ExperimentSpec, String, String)}, adding {@code extraTags}
   * to a new run's tags (an ablation cell's varied values, for example). An {@code mlflow.runName}
   * among them replaces the configured run name.
   */
  public RunOutcome train(
      ExperimentSpec spec, String resumeRunId, String parentRunId, Map<String, String> extraTags) {
    TrackingNames.checkSpec(spec);
    Backbone backbone = create(spec, PluginKind.BACKBONE);
    Interaction interaction = create(spec, PluginKind.INTERACTION);
    ContrastiveLoss loss = create(spec, PluginKind.LOSS);
    Dataset dataset = create(spec, PluginKind.DATASET);
    String device = DeviceCheck.resolve(spec.section("runtime"));
    CaptionEncoder captions = CaptionEncoders.create(spec.section("text"), backbone, dataset.train());
    TrainSettings settings = TrainSettings.from(spec.section("train"));

    TrackedRun run = resumeRunId == null
        ? startRun(spec, device, parentRunId, extraTags)
        : tracker.resumeRun(resumeRunId);
    recordDataStatistics(run, dataset);
    Path runFolder = Path.of(spec.section("runtime").getString("output_dir")).resolve(run.runId());
    Checkpoints checkpoints = new Checkpoints(runFolder.resolve("checkpoints"));
    RunStatus status = RunStatus.FAILED;
    try (Graph graph = new Graph()) {
      RunFolderConfig.write(runFolder, spec);
      TrainingGraph trainingGraph = new TrainingGraph(graph, backbone, interaction, loss, settings, spec.seed());
      TrackingNames.checkStepMetrics(trainingGraph.stepMetrics().keySet(), spec.name());
      MetricHistory history = new MetricHistory(run::logMetrics);
      TrainingOutcome outcome;
      ExecutorService workers = Executors.newFixedThreadPool(settings.workers());
      try (Session session = SessionFactory.create(graph, spec.section("runtime"))) {
        CheckpointState resume = initialise(session, trainingGraph, checkpoints, resumeRunId);
        ImagePreprocessor images = new ImagePreprocessor(backbone.imageSize(), backbone.pixelMean(),
            backbone.pixelStd(), settings.cropScaleMin(), settings.cropScaleMax());
        SplitEncoder encoder = new SplitEncoder(session, trainingGraph.encoders(), images, captions,
            spec.section("eval").getInt("batch_size"), workers);
        Reranker reranker = trainingGraph.interactionGraph() == null ? null
            : new Reranker(session, trainingGraph.encoders(), trainingGraph.interactionGraph(),
                spec.section("eval").getInt("rerank_k"), spec.section("eval").getInt("rerank_batch"));
        TrainingRun trainingRun = new TrainingRun(session, trainingGraph, dataset, settings,
            new SplitEvaluator(encoder, reranker, spec.section("eval").getInt("num_bins")), checkpoints,
            history, progress, spec.seed(), spec.configHash(), run.runId(),
            () -> new BatchLoader(dataset.train(), images, captions, backbone.contextLength(), spec.seed(),
                settings.workers(), settings.prefetch()));
        outcome = new Trainer(trainingRun).train(resume);
      } finally {
        workers.shutdownNow();
      }
      run.setTags(Map.of("rsitr.truncated_captions", Long.toString(captions.truncatedCount())));
      logFinalArtifacts(run, spec, runFolder, outcome);
      RunArtifacts.logPlots(run, runFolder, history, outcome.test());
      RunArtifacts.logBestCheckpoint(run, checkpoints);
      status = RunStatus.FINISHED;
      return new RunOutcome(run.runId(), outcome.testMetrics(), runFolder);
    } catch (TrainingInterruptedException e) {
      status = RunStatus.KILLED;
      throw e;
    } catch (NonFiniteLossException e) {
      LOG.error("{}", e.getMessage());
      throw e;
    } finally {
      run.end(status);
    }
  }

  /** Records the dataset's split statistics (counts, duplicates, image sizes) as {@code data.*} tags. */
  private static void recordDataStatistics(TrackedRun run, Dataset dataset) {
    Map<String, String> tags = new java.util.TreeMap<>();
    dataset.statistics().forEach((key, value) -> tags.put("data." + key, value));
    if (!tags.isEmpty()) {
      run.setTags(tags);
      LOG.info("dataset statistics: {}", tags);
    }
  }

  private TrackedRun startRun(
      ExperimentSpec spec, String device, String parentRunId, Map<String, String> extraTags) {
    String runName = spec.section("tracking").getString("run_name");
    Map<String, String> tags = new LinkedHashMap<>(RunTags.of(spec, device));
    tags.putAll(extraTags);
    String name = tags.getOrDefault(RUN_NAME_TAG, runName.isEmpty() ? spec.name() : runName);
    TrackedRun run = tracker.startRun(spec.section("tracking").getString("experiment"), name, tags, parentRunId);
    run.logParams(spec.flatParams());
    try {
      Path resolved = Files.createTempDirectory("rsitr-config").resolve("resolved_config.yaml");
      Files.writeString(resolved, spec.resolvedYaml());
      run.logArtifact(resolved, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the resolved config for run " + run.runId(), e);
    }
    LOG.info("run {} started in experiment '{}' at {}", run.runId(),
        spec.section("tracking").getString("experiment"), tracker.uri());
    return run;
  }

  private static CheckpointState initialise(
      Session session, TrainingGraph graph, Checkpoints checkpoints, String resumeRunId) {
    session.initialize();
    if (resumeRunId != null) {
      return checkpoints.restore(Checkpoints.LATEST, session);
    }
    java.util.Set<String> imported = WeightImport.importPretrained(session, graph);
    Session.Runner copies = session.runner();
    boolean anyCopy = false;
    for (Map.Entry<String, org.tensorflow.op.Op> copy : graph.initialCopies().entrySet()) {
      if (!imported.contains(copy.getKey())) {
        copies.addTarget(copy.getValue());
        anyCopy = true;
      }
    }
    if (anyCopy) {
      copies.run().close();
    }
    session.run(graph.clampLogitScale());
    if (graph.momentum() != null) {
      session.run(graph.momentum().sync());
    }
    return null;
  }

  private static void logFinalArtifacts(
      TrackedRun run, ExperimentSpec spec, Path runFolder, TrainingOutcome outcome) {
    try {
      Files.createDirectories(runFolder);
      Path metrics = runFolder.resolve("final_metrics.json");
      JSON.writeValue(metrics.toFile(), Map.of("test", outcome.testMetrics(), "config_hash", spec.configHash()));
      run.logArtifact(metrics, "");
      Path ranks = runFolder.resolve("test_ranks.json");
      JSON.writeValue(ranks.toFile(), Map.of(
          "image_query_ranks", outcome.test().imageRanks(), "caption_query_ranks", outcome.test().captionRanks()));
      run.logArtifact(ranks, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write final metrics into " + runFolder, e);
    }
  }

  private <T> T create(ExperimentSpec spec, PluginKind kind) {
    PluginChoice choice = spec.plugin(kind);
    return registry.<T>factory(kind, choice.name()).create(choice.parameters());
  }
}
