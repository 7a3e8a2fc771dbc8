package io.rsitr.run;

import io.rsitr.data.pipeline.BatchLoader;
import io.rsitr.data.pipeline.CaptionEncoder;
import io.rsitr.data.pipeline.ImagePreprocessor;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.Dataset;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.spec.PluginChoice;
import io.rsitr.train.Reranker;
import io.rsitr.train.SplitEncoder;
import io.rsitr.train.SplitEvaluator;
import io.rsitr.train.TrainSettings;
import io.rsitr.train.TrainingGraph;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Op;

/**
 * The plugins, data and training graph of one experiment in an open session, built the way
 * {@link ExperimentRunner} builds them, for commands that evaluate or measure without training:
 * {@code rsitr eval} and {@code rsitr bench}.
 *
 * <p>The whole training graph is built, optimizer and momentum copies included, so that variable
 * names match the checkpoints that training writes.
 */
public final class ExperimentSession implements AutoCloseable {

  private final ExperimentSpec spec;
  private final Backbone backbone;
  private final Dataset dataset;
  private final TrainSettings settings;
  private final CaptionEncoder captions;
  private final ImagePreprocessor images;
  private final Graph graph;
  private final TrainingGraph trainingGraph;
  private final Session session;
  private final ExecutorService workers;

  private ExperimentSession(ExperimentSpec spec, Backbone backbone, Interaction interaction, ContrastiveLoss loss,
      Dataset dataset) {
    this.spec = spec;
    this.backbone = backbone;
    this.dataset = dataset;
    this.settings = TrainSettings.from(spec.section("train"));
    this.captions = CaptionEncoders.create(spec.section("text"), backbone, dataset.train());
    this.images = new ImagePreprocessor(backbone.imageSize(), backbone.pixelMean(), backbone.pixelStd(),
        settings.cropScaleMin(), settings.cropScaleMax());
    DeviceCheck.resolve(spec.section("runtime"));
    this.graph = new Graph();
    try {
      this.trainingGraph = new TrainingGraph(graph, backbone, interaction, loss, settings, spec.seed());
      this.session = SessionFactory.create(graph, spec.section("runtime"));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    this.workers = Executors.newFixedThreadPool(settings.workers());
  }

  /** Creates every plugin of {@code spec}, loads its dataset and builds the graph in a new session. */
  public static ExperimentSession open(PluginRegistry registry, ExperimentSpec spec) {
    return new ExperimentSession(spec, create(registry, spec, PluginKind.BACKBONE),
        create(registry, spec, PluginKind.INTERACTION), create(registry, spec, PluginKind.LOSS),
        create(registry, spec, PluginKind.DATASET));
  }

  private static <T> T create(PluginRegistry registry, ExperimentSpec spec, PluginKind kind) {
    PluginChoice choice = spec.plugin(kind);
    return registry.<T>factory(kind, choice.name()).create(choice.parameters());
  }

  /**
   * Initialises every variable as a fresh training run starts, without importing pretrained weights:
   * interaction copies of backbone blocks, then the momentum copy.
   */
  public void initialiseFresh() {
    session.initialize();
    if (!trainingGraph.initialCopies().isEmpty()) {
      Session.Runner copies = session.runner();
      for (Op copy : trainingGraph.initialCopies().values()) {
        copies.addTarget(copy);
      }
      copies.run().close();
    }
    if (trainingGraph.momentum() != null) {
      session.run(trainingGraph.momentum().sync());
    }
  }

  /** Returns an evaluator configured by the YAML {@code eval} section, re-ranking when the interaction scores pairs. */
  public SplitEvaluator evaluator() {
    SplitEncoder encoder = new SplitEncoder(session, trainingGraph.encoders(), images, captions,
        spec.section("eval").getInt("batch_size"), workers);
    Reranker reranker = trainingGraph.interactionGraph() == null ? null
        : new Reranker(session, trainingGraph.encoders(), trainingGraph.interactionGraph(),
            spec.section("eval").getInt("rerank_k"), spec.section("eval").getInt("rerank_batch"));
    return new SplitEvaluator(encoder, reranker, spec.section("eval").getInt("num_bins"));
  }

  /** Returns a new loader of the train split with the configured workers and prefetch; the caller closes it. */
  public BatchLoader newTrainLoader() {
    return new BatchLoader(dataset.train(), images, captions, backbone.contextLength(), spec.seed(),
        settings.workers(), settings.prefetch());
  }

  public ExperimentSpec spec() {
    return spec;
  }

  public Backbone backbone() {
    return backbone;
  }

  public Dataset dataset() {
    return dataset;
  }

  public TrainSettings settings() {
    return settings;
  }

  public TrainingGraph graph() {
    return trainingGraph;
  }

  public Session session() {
    return session;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    session.close();
    graph.close();
  }
}
