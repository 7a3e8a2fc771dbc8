package io.rsitr.plugins.clip;

import io.rsitr.nn.Activation;
import io.rsitr.nn.Attention;
import io.rsitr.nn.ImportLayout;
import io.rsitr.nn.Initializer;
import io.rsitr.nn.LayerNorm;
import io.rsitr.nn.ModelScope;
import io.rsitr.nn.ResidualAttentionBlock;
import io.rsitr.nn.Shapes;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ImageFeatures;
import io.rsitr.plugin.TextFeatures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The open_clip CLIP dual encoder: a ViT image tower and a causal text transformer.
 *
 * <p>Parameter keys follow open_clip's state dict ({@code visual.conv1.weight},
 * {@code transformer.resblocks.0.attn.in_proj_weight}, ...). The patch embedding, a convolution
 * with kernel = stride = patch size, runs as a matrix product over flattened patches, which is the
 * same arithmetic and avoids NCHW convolutions that TensorFlow's CPU kernels lack.
 */
public final class ClipBackbone implements Backbone {

  private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private final ClipSettings settings;
  private final Path weights;

  public ClipBackbone(ClipSettings settings, Path weights) {
    this.settings = settings;
    this.weights = weights;
  }

  public ClipSettings settings() {
    return settings;
  }

  @Override
  public int imageSize() {
    return settings.imageSize();
  }

  @Override
  public int contextLength() {
    return settings.contextLength();
  }

  @Override
  public int vocabSize() {
    return settings.vocabSize();
  }

  @Override
  public int embedDim() {
    return settings.embedDim();
  }

  @Override
  public int textWidth() {
    return settings.textWidth();
  }

  @Override
  public int textHeads() {
    return settings.textHeads();
  }

  @Override
  public int textMlpWidth() {
    return settings.textMlpWidth();
  }

  @Override
  public int textLayers() {
    return settings.textLayers();
  }

  @Override
  public Activation activation() {
    return settings.activation();
  }

  @Override
  public int imageWidth() {
    return settings.visionWidth();
  }

  @Override
  public float[] pixelMean() {
    return CLIP_MEAN.clone();
  }

  @Override
  public float[] pixelStd() {
    return CLIP_STD.clone();
  }

  @Override
  public Path pretrainedWeights() {
    return weights;
  }

  @Override
  public ImageFeatures encodeImage(ModelScope scope, Operand<TFloat32> pixels) {
    Ops tf = scope.tf();
    long width = settings.visionWidth();
    long tokens = settings.imageTokens();
    double scale = Math.pow(width, -0.5);

    Operand<TFloat32> x = tf.concat(List.of(classToken(scope, pixels, width, scale), patchEmbeddings(scope, pixels)),
        tf.constant(1));
    x = tf.math.add(x, scope.store().parameter("visual.positional_embedding", new long[] {tokens, width},
        ImportLayout.IDENTITY, Initializer.normal(scale)));
    x = LayerNorm.apply(scope, "visual.ln_pre", x, width);
    for (int i = 0; i < settings.visionLayers(); i++) {
      x = ResidualAttentionBlock.apply(scope, "visual.transformer.resblocks." + i, x, tokens, width,
          settings.visionHeads(), settings.visionMlpWidth(), settings.activation(), null);
    }
    Operand<TFloat32> local = LayerNorm.apply(scope, "visual.ln_post", x, width);

    Operand<TFloat32> classOut = tf.gather(local, tf.constant(0), tf.constant(1));
    Operand<TFloat32> projection = scope.store().parameter("visual.proj", new long[] {width, settings.embedDim()},
        ImportLayout.IDENTITY, Initializer.normal(scale));
    Operand<TFloat32> embedding = l2Normalize(tf, tf.linalg.matMul(classOut, projection));
    return new ImageFeatures(embedding, local, tokens, width);
  }

  @Override
  public Operand<TFloat32> embedTokens(ModelScope scope, Operand<TInt32> tokens) {
    Ops tf = scope.tf();
    long width = settings.textWidth();
    Operand<TFloat32> table = scope.store().parameter("token_embedding.weight",
        new long[] {settings.vocabSize(), width}, ImportLayout.IDENTITY, Initializer.normal(0.02));
    Operand<TFloat32> positions = scope.store().parameter("positional_embedding",
        new long[] {settings.contextLength(), width}, ImportLayout.IDENTITY, Initializer.normal(0.01));
    return tf.math.add(tf.gather(table, tokens, tf.constant(0)), positions);
  }

  @Override
  public TextFeatures encodeText(ModelScope scope, Operand<TInt32> tokens) {
    Ops tf = scope.tf();
    long width = settings.textWidth();
    int length = settings.contextLength();

    Operand<TFloat32> inputs = embedTokens(scope, tokens);
    Operand<TFloat32> x = inputs;
    Operand<TFloat32> causal = Attention.causalMask(tf, length);
    for (int i = 0; i < settings.textLayers(); i++) {
      x = ResidualAttentionBlock.apply(scope, "transformer.resblocks." + i, x, length, width, settings.textHeads(),
          settings.textMlpWidth(), settings.activation(), causal);
    }
    Operand<TFloat32> local = LayerNorm.apply(scope, "ln_final", x, width);

    Operand<TFloat32> pooled = poolAtEndOfText(tf, local, tokens, length);
    Operand<TFloat32> projection = scope.store().parameter("text_projection",
        new long[] {width, settings.embedDim()}, ImportLayout.IDENTITY, Initializer.normal(Math.pow(width, -0.5)));
    Operand<TFloat32> embedding = l2Normalize(tf, tf.linalg.matMul(pooled, projection));
    return new TextFeatures(embedding, local, inputs, length, width);
  }

  @Override
  public Operand<TFloat32> logitScale(ModelScope scope) {
    return scope.store().parameter("logit_scale", new long[0], ImportLayout.IDENTITY,
        Initializer.constant(settings.initLogitScale()));
  }

  @Override
  public Operand<TFloat32> logitBias(ModelScope scope) {
    return scope.store().parameter("logit_bias", new long[0], ImportLayout.IDENTITY, Initializer.zeros());
  }

  @Override
  public Set<String> momentumSharedKeys() {
    return Set.of("token_embedding.weight", "positional_embedding", "ln_final.weight", "ln_final.bias");
  }

  @Override
  public Set<String> optionalImportKeys() {
    return Set.of("logit_bias");
  }

  @Override
  public Set<String> ignoredImportKeys() {
    // The reference saves its momentum text projection beside the online one; momentum weights
    // start as copies of the online weights instead.
    return Set.of("text_proj_m", "visual.attnpool", "attn_mask");
  }

  @Override
  public String explainShapeMismatch(String key, long[] expected, long[] actual) {
    if (!key.equals("visual.positional_embedding") || expected.length != 2 || actual.length != 2
        || expected[0] == actual[0]) {
      return null;
    }
    long actualGrid = Math.round(Math.sqrt(actual[0] - 1));
    return String.format("visual.positional_embedding has %d positions (a %d×%d grid + class token), but the model"
        + " configured for image_size %d, patch_size %d expects %d (%d×%d + 1); set backbone.image_size to %d"
        + " or use weights trained at %d", actual[0], actualGrid, actualGrid, settings.imageSize(),
        settings.patchSize(), expected[0], settings.grid(), settings.grid(), actualGrid * settings.patchSize(),
        settings.imageSize());
  }

  private Operand<TFloat32> patchEmbeddings(ModelScope scope, Operand<TFloat32> pixels) {
    Ops tf = scope.tf();
    long grid = settings.grid();
    long patch = settings.patchSize();
    long width = settings.visionWidth();
    Operand<TFloat32> split = tf.reshape(pixels, tf.constant(new long[] {-1, grid, patch, grid, patch, 3}));
    Operand<TFloat32> patches = tf.linalg.transpose(split, tf.constant(new int[] {0, 1, 3, 2, 4, 5}));
    Operand<TFloat32> flat = tf.reshape(patches, tf.constant(new long[] {-1, patch * patch * 3}));
    Operand<TFloat32> kernel = scope.store().parameter("visual.conv1.weight", new long[] {width, 3, patch, patch},
        ImportLayout.CONV_AS_MATMUL, Initializer.normal(Math.pow(3.0 * patch * patch, -0.5)));
    return tf.reshape(tf.linalg.matMul(flat, kernel), tf.constant(new long[] {-1, grid * grid, width}));
  }

  private static Operand<TFloat32> classToken(ModelScope scope, Operand<TFloat32> pixels, long width, double scale) {
    Ops tf = scope.tf();
    Operand<TFloat32> embedding = scope.store().parameter("visual.class_embedding", new long[] {width},
        ImportLayout.IDENTITY, Initializer.normal(scale));
    Operand<TInt32> batch = tf.reshape(Shapes.dim(tf, pixels, 0), tf.constant(new int[] {1}));
    Operand<TInt32> multiples = tf.concat(List.of(batch, tf.constant(new int[] {1, 1})), tf.constant(0));
    return tf.tile(tf.reshape(embedding, tf.constant(new long[] {1, 1, width})), multiples);
  }

  /** Selects each row's token at the end-of-text position, the largest token id of the row. */
  private static Operand<TFloat32> poolAtEndOfText(Ops tf, Operand<TFloat32> local, Operand<TInt32> tokens, int length) {
    Operand<TInt32> endOfText = tf.math.argMax(tokens, tf.constant(1), TInt32.class);
    Operand<TFloat32> selector = tf.expandDims(
        tf.oneHot(endOfText, tf.constant(length), tf.constant(1f), tf.constant(0f)), tf.constant(-1));
    return tf.reduceSum(tf.math.mul(local, selector), tf.constant(1), ReduceSum.keepDims(false));
  }

  /** Divides each row by its L2 norm, with the norm floored at 1e-12 as PyTorch's normalize does. */
  static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> squared = tf.reduceSum(tf.math.square(x), tf.constant(-1), ReduceSum.keepDims(true));
    return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squared, tf.constant(1e-24f))));
  }
}
