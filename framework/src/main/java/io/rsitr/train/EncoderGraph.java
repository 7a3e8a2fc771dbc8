package io.rsitr.train;

import io.rsitr.nn.ModelScope;
import io.rsitr.nn.ParameterStore;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ImageFeatures;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.TextFeatures;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The online dual encoder on fed inputs: what evaluation, embedding and training all share.
 *
 * <p>{@code pixels} ({@code [B, size, size, 3]}, normalised NHWC) and {@code tokens}
 * ({@code [B, contextLength]}) have a free batch dimension, so one graph serves training batches
 * and evaluation batches. The similarity scale is {@code exp(logit_scale)}; training clamps
 * {@code logit_scale} at ln 100 after every step, as CLIP does.
 */
public final class EncoderGraph {

  /** The similarity scale never exceeds 100, as in CLIP. */
  public static final double MAX_LOGIT_SCALE = Math.log(100);

  private final Ops tf;
  private final Backbone backbone;
  private final Interaction interaction;
  private final ParameterStore online;
  private final ModelScope scope;
  private final Placeholder<TFloat32> pixels;
  private final Placeholder<TInt32> tokens;
  private final Placeholder<TFloat32> trainingFlag;
  private final Placeholder<TInt64> stepSeed;
  private final ImageFeatures image;
  private final TextFeatures text;
  private final Operand<TFloat32> logitScale;
  private final Operand<TFloat32> scale;
  private final Operand<TFloat32> bias;

  public EncoderGraph(Ops tf, Backbone backbone, Interaction interaction, long seed) {
    this.tf = tf;
    this.backbone = backbone;
    this.interaction = interaction;
    Ops inputs = tf.withSubScope("inputs");
    int size = backbone.imageSize();
    pixels = inputs.withName("pixels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 3)));
    tokens = inputs.withName("tokens")
        .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, backbone.contextLength())));
    trainingFlag = inputs.withName("training").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    stepSeed = inputs.withName("step_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));

    online = ParameterStore.online(tf, seed);
    scope = ModelScope.create(online, trainingFlag, stepSeed);
    image = backbone.encodeImage(scope, pixels);
    text = backbone.encodeText(scope, tokens);
    logitScale = backbone.logitScale(scope);
    scale = tf.math.exp(logitScale);
    bias = backbone.logitBias(scope);
  }

  public Ops tf() {
    return tf;
  }

  public Backbone backbone() {
    return backbone;
  }

  public Interaction interaction() {
    return interaction;
  }

  public ParameterStore online() {
    return online;
  }

  public ModelScope scope() {
    return scope;
  }

  public Placeholder<TFloat32> pixels() {
    return pixels;
  }

  public Placeholder<TInt32> tokens() {
    return tokens;
  }

  /** Fed 1 while training and 0 while evaluating. */
  public Placeholder<TFloat32> trainingFlag() {
    return trainingFlag;
  }

  public Placeholder<TInt64> stepSeed() {
    return stepSeed;
  }

  public ImageFeatures image() {
    return image;
  }

  public TextFeatures text() {
    return text;
  }

  /** Returns the value of the learned {@code logit_scale} variable. */
  public Operand<TFloat32> logitScale() {
    return logitScale;
  }

  /** {@code exp(logit_scale)}. */
  public Operand<TFloat32> scale() {
    return scale;
  }

  public Operand<TFloat32> bias() {
    return bias;
  }
}
