package io.rsitr.plugins.lsci;

import io.rsitr.nn.Activation;
import io.rsitr.nn.Attention;
import io.rsitr.nn.Dense;
import io.rsitr.nn.Dropout;
import io.rsitr.nn.ImportLayout;
import io.rsitr.nn.Initializer;
import io.rsitr.nn.LayerNorm;
import io.rsitr.nn.ModelScope;
import io.rsitr.nn.ResidualAttentionBlock;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Local semantic consistency interaction: caption tokens and image local tokens read each other
 * through a shared fusion encoder, and the residuals of that reading decide whether they match.
 *
 * <ol>
 *   <li>Its own text blocks (copies of the text tower's first blocks, causal, no final LayerNorm)
 *       turn token plus positional embeddings into X.
 *   <li>X and the image tokens V are zero-padded to a common length, then projected to the hidden
 *       width (X', V'); padded image positions therefore carry the projection's bias.
 *   <li>{@code Ft = fusion(X', V')}, {@code Fv = fusion(V', X')}.
 *   <li>{@code [Ft − X'; Fv − V']} plus learned positions goes through a 2-layer post-norm encoder
 *       (ReLU), a LayerNorm and the mean over positions.
 *   <li>A linear head gives two logits; class 1 is the match.
 * </ol>
 */
public final class LsciInteraction implements Interaction {

  private static final String PREFIX = "transformer";
  private static final String[] BLOCK_KEYS = {
    "ln_1.weight", "ln_1.bias", "attn.in_proj_weight", "attn.in_proj_bias", "attn.out_proj.weight",
    "attn.out_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight",
    "mlp.c_proj.bias"
  };

  private final LsciSettings settings;
  private final FusionEncoder fusion;
  private int textBlocksBuilt = -1;

  public LsciInteraction(LsciSettings settings) {
    this.settings = settings;
    this.fusion = new FusionEncoder(settings);
  }

  @Override
  public boolean scoresPairs() {
    return true;
  }

  @Override
  public Operand<TFloat32> matchLogits(
      ModelScope scope, Backbone backbone, Operand<TInt32> tokens, Operand<TFloat32> imageLocalTokens) {
    Outputs outputs = forward(scope, backbone, tokens, imageLocalTokens);
    return outputs.logits();
  }

  /** Every intermediate of the interaction, for tests against the reference. */
  public record Outputs(
      Operand<TFloat32> textPath,
      Operand<TFloat32> fusedText,
      Operand<TFloat32> fusedImage,
      Operand<TFloat32> encoderOut,
      Operand<TFloat32> pooled,
      Operand<TFloat32> logits) {}

  public Outputs forward(ModelScope scope, Backbone backbone, Operand<TInt32> tokens, Operand<TFloat32> imageLocalTokens) {
    Ops tf = scope.tf();
    requireImageWidth(backbone);
    int textLength = backbone.contextLength();
    int imageLength = (int) imageLocalTokens.shape().get(1);
    int length = Math.max(textLength, imageLength);
    long hidden = settings.hidden();

    Operand<TFloat32> textPath = textPath(scope, backbone, tokens);
    Operand<TFloat32> textProjected = Dense.apply(scope, PREFIX + ".text_proj_layer",
        padTo(tf, textPath, textLength, length), backbone.textWidth(), hidden,
        Initializer.normal(Math.pow(backbone.textWidth(), -0.5)), true);
    Operand<TFloat32> imageProjected = Dense.apply(scope, PREFIX + ".image_proj_layer",
        padTo(tf, imageLocalTokens, imageLength, length), settings.imageWidth(), hidden,
        Initializer.normal(Math.pow(settings.imageWidth(), -0.5)), true);

    Operand<TFloat32> textMask = settings.maskPadding() ? PaddingMasks.text(tf, tokens, textLength, length) : null;
    Operand<TFloat32> imageMask = settings.maskPadding() ? PaddingMasks.prefix(tf, imageLength, length) : null;
    Operand<TFloat32> fusedText = fusion.apply(scope, textProjected, imageProjected, length, textMask, imageMask);
    Operand<TFloat32> fusedImage = fusion.apply(scope, imageProjected, textProjected, length, imageMask, textMask);

    Operand<TFloat32> residuals = tf.concat(List.of(
        tf.math.sub(fusedText, textProjected), tf.math.sub(fusedImage, imageProjected)), tf.constant(1));
    residuals = tf.math.add(residuals, scope.store().parameter(PREFIX + ".pos_embeds",
        new long[] {2L * length, hidden}, ImportLayout.IDENTITY, Initializer.normal(0.02)));
    Operand<TFloat32> encoderMask = settings.maskPadding() && textMask != null
        ? tf.concat(List.of(textMask, tf.math.add(imageMask, tf.math.mul(textMask, tf.constant(0f)))),
            tf.constant(3))
        : null;
    Operand<TFloat32> encoded = residuals;
    for (int layer = 0; layer < settings.encoderLayers(); layer++) {
      encoded = encoderLayer(scope, PREFIX + ".mult_encoder.layers." + layer, encoded, 2 * length, encoderMask);
    }
    Operand<TFloat32> normalized = LayerNorm.apply(scope, PREFIX + ".fusion_layer_normal", encoded, hidden);
    Operand<TFloat32> pooled = tf.math.mean(normalized, tf.constant(1), Mean.keepDims(false));
    Operand<TFloat32> logits = Dense.apply(scope, "itm_head.0", pooled, hidden, 2, Initializer.xavierNormal(hidden, 2),
        true);
    return new Outputs(textPath, fusedText, fusedImage, encoded, pooled, logits);
  }

  private Operand<TFloat32> textPath(ModelScope scope, Backbone backbone, Operand<TInt32> tokens) {
    Ops tf = scope.tf();
    int length = backbone.contextLength();
    int blocks = Math.min(settings.textBlocks(), backbone.textLayers());
    textBlocksBuilt = blocks;
    Operand<TFloat32> x = backbone.embedTokens(scope, tokens);
    Operand<TFloat32> causal = Attention.causalMask(tf, length);
    for (int i = 0; i < blocks; i++) {
      x = ResidualAttentionBlock.apply(scope, PREFIX + ".mult_resblocks." + i, x, length, backbone.textWidth(),
          backbone.textHeads(), backbone.textMlpWidth(), backbone.activation(), causal);
    }
    return x;
  }

  /** PyTorch's post-norm encoder layer: {@code x = norm1(x + sa(x))}, {@code x = norm2(x + ff(x))}, ReLU. */
  private Operand<TFloat32> encoderLayer(
      ModelScope scope, String prefix, Operand<TFloat32> x, int length, Operand<TFloat32> mask) {
    Ops tf = scope.tf();
    long hidden = settings.hidden();
    Operand<TFloat32> attended = ResidualAttentionBlock.selfAttention(
        scope, prefix + ".self_attn", x, length, hidden, settings.encoderHeads(), mask, settings.dropout());
    x = LayerNorm.apply(scope, prefix + ".norm1", tf.math.add(x, Dropout.apply(scope, attended, settings.dropout())),
        hidden);
    Operand<TFloat32> inner = Activation.RELU.apply(tf, Dense.apply(scope, prefix + ".linear1", x, hidden,
        settings.encoderFfn(), Dense.defaultInit(hidden), true));
    Operand<TFloat32> outer = Dense.apply(scope, prefix + ".linear2", Dropout.apply(scope, inner, settings.dropout()),
        settings.encoderFfn(), hidden, Dense.defaultInit(settings.encoderFfn()), true);
    return LayerNorm.apply(scope, prefix + ".norm2", tf.math.add(x, Dropout.apply(scope, outer, settings.dropout())),
        hidden);
  }

  private static Operand<TFloat32> padTo(Ops tf, Operand<TFloat32> x, int length, int target) {
    if (length == target) {
      return x;
    }
    return tf.pad(x, tf.constant(new int[][] {{0, 0}, {0, target - length}, {0, 0}}), tf.constant(0f));
  }

  private void requireImageWidth(Backbone backbone) {
    if (backbone.imageWidth() != settings.imageWidth()) {
      throw new IllegalArgumentException("interaction.image_width is " + settings.imageWidth()
          + " but the backbone's image tokens have width " + backbone.imageWidth()
          + "; set interaction.image_width to " + backbone.imageWidth());
    }
  }

  /** Maps the own text blocks to the text tower's first blocks, which they start as copies of. */
  @Override
  public Map<String, String> initialCopies() {
    Map<String, String> copies = new LinkedHashMap<>();
    for (int i = 0; i < Math.max(0, textBlocksBuilt); i++) {
      for (String key : BLOCK_KEYS) {
        copies.put(PREFIX + ".mult_resblocks." + i + "." + key, "transformer.resblocks." + i + "." + key);
      }
    }
    return copies;
  }

  @Override
  public boolean ownsParameter(String key) {
    return key.startsWith(PREFIX + ".mult_resblocks.") || key.startsWith(PREFIX + ".fusion_model.")
        || key.startsWith(PREFIX + ".mult_encoder.") || key.startsWith(PREFIX + ".image_proj_layer.")
        || key.startsWith(PREFIX + ".text_proj_layer.") || key.equals(PREFIX + ".pos_embeds")
        || key.startsWith(PREFIX + ".fusion_layer_normal.") || key.startsWith("itm_head.");
  }

  /** Lists the reference's unused fusion word embeddings and pooler, which import skips. */
  @Override
  public Set<String> ignoredImportKeys() {
    return Set.of(PREFIX + ".fusion_model.embeddings.word_embeddings.weight", PREFIX + ".fusion_model.pooler.*",
        PREFIX + ".fusion_model.embeddings.position_ids");
  }
}
