package io.rsitr.train;

import io.rsitr.nn.ModelParameter;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ContrastiveInputs;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.LossTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * The whole training graph, built once: online encoders, the momentum copy when the loss or the
 * interaction needs it, the losses, their gradients and AdamW over the explicit trainable list.
 */
public final class TrainingGraph {

  private final Graph graph;
  private final EncoderGraph encoders;
  private final MomentumEncoder momentum;
  private final ContrastiveLoss loss;
  private final Operand<TFloat32> total;
  private final Map<String, Operand<TFloat32>> stepMetrics = new LinkedHashMap<>();
  private final List<ModelParameter> trainable;
  private final AdamW optimizer;
  private final Op step;
  private final MatchingLoss matchingLoss;
  private final Op clampLogitScale;
  private final InteractionGraph interactionGraph;
  private final Map<String, Op> initialCopies = new LinkedHashMap<>();

  public TrainingGraph(Graph graph, Backbone backbone, Interaction interaction, ContrastiveLoss loss,
      TrainSettings settings, long seed) {
    this.graph = graph;
    this.loss = loss;
    Ops tf = Ops.create(graph);
    encoders = new EncoderGraph(tf, backbone, interaction, seed);
    boolean needsMomentum = loss.usesMomentum() || interaction.scoresPairs();
    momentum = needsMomentum ? new MomentumEncoder(encoders, settings.momentum()) : null;

    ContrastiveInputs inputs = new ContrastiveInputs(
        encoders.image().embedding(), encoders.text().embedding(),
        momentum == null ? null : momentum.imageEmbedding(), momentum == null ? null : momentum.textEmbedding(),
        encoders.scale(), encoders.bias());
    LossTerms contrastive = loss.build(tf.withSubScope("loss"), inputs);
    Operand<TFloat32> weighted = tf.math.mul(contrastive.total(), tf.constant((float) settings.itcWeight()));
    MatchingLoss matching = interaction.scoresPairs() ? new MatchingLoss(encoders, momentum, interaction) : null;
    matchingLoss = matching;
    if (matching != null) {
      weighted = tf.math.add(weighted, tf.math.mul(matching.loss(), tf.constant((float) settings.itmWeight())));
    }
    total = tf.withName("total_loss").identity(weighted);

    stepMetrics.put("loss", total);
    stepMetrics.put("loss_itc", contrastive.total());
    if (matching != null) {
      stepMetrics.put("loss_itm", matching.loss());
      stepMetrics.put("itm_accuracy", matching.accuracy());
    }
    contrastive.terms().forEach((name, value) -> stepMetrics.put(name, value));
    stepMetrics.put("logit_scale", encoders.logitScale());

    trainable = trainableParameters(settings);
    optimizer = new AdamW(tf, trainable, gradients(tf, total, trainable), settings.adamW());
    // Clamping the variable after the update, rather than the scale in the forward pass, keeps the
    // gradient flowing when imported weights start at or just above the limit.
    clampLogitScale = clampLogitScale(tf, encoders, List.of());
    step = clampLogitScale(tf, encoders, List.of(optimizer.update()));
    interactionGraph = interaction.scoresPairs() ? new InteractionGraph(encoders) : null;
    interaction.initialCopies().forEach((target, source) -> initialCopies.put(target,
        tf.assign(encoders.online().get(target).variable(), encoders.online().get(source).value())));
  }

  /**
   * Returns the copy op of each interaction parameter that starts as a copy of a backbone parameter.
   * The runtime runs them after initialisation and after weights are imported.
   */
  public Map<String, Op> initialCopies() {
    return initialCopies;
  }

  private List<ModelParameter> trainableParameters(TrainSettings settings) {
    List<ModelParameter> result = new ArrayList<>();
    for (ModelParameter parameter : encoders.online().trainableParameters()) {
      if (settings.freezeTextProjection() && parameter.key().equals("text_projection")) {
        continue;
      }
      result.add(parameter);
    }
    return result;
  }

  private static Op clampLogitScale(Ops tf, EncoderGraph encoders, List<Op> after) {
    ModelParameter logitScale = encoders.online().get("logit_scale");
    Ops scope = after.isEmpty() ? tf : tf.withControlDependencies(after);
    return scope.assign(logitScale.variable(),
        tf.math.minimum(logitScale.variable(), tf.constant((float) EncoderGraph.MAX_LOGIT_SCALE)));
  }

  /**
   * Adds the gradient of {@code total} for every trainable parameter. An op type without a
   * registered gradient fails here, while the graph is built, with the op named.
   */
  private static List<Operand<TFloat32>> gradients(Ops tf, Operand<TFloat32> total, List<ModelParameter> parameters) {
    List<Operand<?>> values = new ArrayList<>();
    for (ModelParameter parameter : parameters) {
      values.add(parameter.value());
    }
    Gradients gradients;
    try {
      gradients = tf.withSubScope("gradients").gradients(total, values);
    } catch (TensorFlowException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot build gradients of the training loss: " + e.getMessage()
          + "; an op on the training path has no gradient in TensorFlow's C++ gradient registry", e);
    }
    List<Operand<TFloat32>> result = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      if (isAbsent(gradients.dy(i))) {
        throw new IllegalStateException("parameter " + parameters.get(i).key() + " gets no gradient from the loss;"
            + " every path to it passes a stop-gradient");
      }
      result.add(gradients.<TFloat32>dy(i));
    }
    return result;
  }

  /**
   * Returns whether TensorFlow produced no gradient: when every path from the loss passes a
   * stop-gradient, the C API hands back an output without an operation.
   */
  public static boolean isAbsent(org.tensorflow.Output<?> gradient) {
    if (gradient == null) {
      return true;
    }
    try {
      gradient.op().type();
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  public Graph graph() {
    return graph;
  }

  public EncoderGraph encoders() {
    return encoders;
  }

  /** Returns the momentum copy, or {@code null} when neither the loss nor the interaction needs one. */
  public MomentumEncoder momentum() {
    return momentum;
  }

  public ContrastiveLoss loss() {
    return loss;
  }

  public Operand<TFloat32> totalLoss() {
    return total;
  }

  /** Scalars fetched every step and logged as {@code train/<name>}. */
  public Map<String, Operand<TFloat32>> stepMetrics() {
    return stepMetrics;
  }

  public List<ModelParameter> trainableParameters() {
    return trainable;
  }

  /** Returns the interaction on fed pairs for re-ranking, or {@code null} when it scores no pairs. */
  public InteractionGraph interactionGraph() {
    return interactionGraph;
  }

  /** Returns the matching loss, or {@code null} when the interaction scores no pairs. */
  MatchingLoss matchingLoss() {
    return matchingLoss;
  }

  /** Returns the op of one optimisation step: AdamW, then the clamp of {@code logit_scale} at ln 100. */
  public Op step() {
    return step;
  }

  /** Returns the op that clamps {@code logit_scale} at ln 100; the runtime runs it after weight import. */
  public Op clampLogitScale() {
    return clampLogitScale;
  }

  public AdamW optimizer() {
    return optimizer;
  }
}
