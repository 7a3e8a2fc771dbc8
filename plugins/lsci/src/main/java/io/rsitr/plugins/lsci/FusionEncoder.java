package io.rsitr.plugins.lsci;

import io.rsitr.nn.Activation;
import io.rsitr.nn.Attention;
import io.rsitr.nn.Dense;
import io.rsitr.nn.Dropout;
import io.rsitr.nn.ImportLayout;
import io.rsitr.nn.Initializer;
import io.rsitr.nn.LayerNorm;
import io.rsitr.nn.ModelScope;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared BERT-style fusion encoder ({@code transformer.fusion_model.*}): learned positions plus
 * the token-type-0 embedding, LayerNorm, then post-norm layers of self-attention, cross-attention
 * to the context and a feed forward with exact GELU (LayerNorm ε 1e-12, weights N(0, 0.02)).
 *
 * <p>The reference configures this encoder as a decoder, which is what enables cross-attention, and
 * that also makes its self-attention causal; {@code fusion_causal} keeps that by default.
 */
final class FusionEncoder {

  private static final String PREFIX = "transformer.fusion_model";
  private static final double BERT_EPSILON = 1e-12;
  private static final int MAX_POSITIONS = 512;

  private final LsciSettings settings;

  FusionEncoder(LsciSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the encoder with {@code queries} reading {@code context}, both {@code [P, length, hidden]}.
   *
   * @param queryMask additive mask over query keys {@code [P, 1, 1, length]}, or {@code null}
   * @param contextMask additive mask over context keys {@code [P, 1, 1, length]}, or {@code null}
   */
  Operand<TFloat32> apply(ModelScope scope, Operand<TFloat32> queries, Operand<TFloat32> context, int length,
      Operand<TFloat32> queryMask, Operand<TFloat32> contextMask) {
    Ops tf = scope.tf();
    long hidden = settings.hidden();
    Operand<TFloat32> h = tf.math.add(queries, embeddings(scope, length));
    h = LayerNorm.apply(scope, PREFIX + ".embeddings.LayerNorm", h, hidden, BERT_EPSILON);
    h = Dropout.apply(scope, h, settings.dropout());

    Operand<TFloat32> selfMask = selfAttentionMask(tf, length, queryMask);
    for (int layer = 0; layer < settings.fusionLayers(); layer++) {
      String prefix = PREFIX + ".encoder.layer." + layer;
      h = sublayer(scope, prefix + ".attention", h, attention(scope, prefix + ".attention.self", h, h, length, selfMask));
      h = sublayer(scope, prefix + ".crossattention", h,
          attention(scope, prefix + ".crossattention.self", h, context, length, contextMask));
      Operand<TFloat32> intermediate = Activation.GELU.apply(tf,
          dense(scope, prefix + ".intermediate.dense", h, hidden, settings.fusionFfn()));
      Operand<TFloat32> output = dense(scope, prefix + ".output.dense", intermediate, settings.fusionFfn(), hidden);
      h = LayerNorm.apply(scope, prefix + ".output.LayerNorm",
          tf.math.add(h, Dropout.apply(scope, output, settings.dropout())), hidden, BERT_EPSILON);
    }
    return h;
  }

  private Operand<TFloat32> embeddings(ModelScope scope, int length) {
    Ops tf = scope.tf();
    long hidden = settings.hidden();
    Operand<TFloat32> positions = scope.store().parameter(PREFIX + ".embeddings.position_embeddings.weight",
        new long[] {MAX_POSITIONS, hidden}, ImportLayout.IDENTITY, Initializer.normal(0.02));
    Operand<TFloat32> tokenTypes = scope.store().parameter(PREFIX + ".embeddings.token_type_embeddings.weight",
        new long[] {2, hidden}, ImportLayout.IDENTITY, Initializer.normal(0.02));
    Operand<TFloat32> firstPositions = tf.stridedSlice(positions, tf.constant(new int[] {0, 0}),
        tf.constant(new int[] {length, (int) hidden}), tf.constant(new int[] {1, 1}));
    Operand<TFloat32> typeZero = tf.gather(tokenTypes, tf.constant(0), tf.constant(0));
    return tf.math.add(firstPositions, typeZero);
  }

  private Operand<TFloat32> selfAttentionMask(Ops tf, int length, Operand<TFloat32> queryMask) {
    Operand<TFloat32> mask = settings.fusionCausal() ? Attention.causalMask(tf, length) : null;
    if (queryMask == null) {
      return mask;
    }
    return mask == null ? queryMask : tf.math.add(mask, queryMask);
  }

  /** {@code LayerNorm(x + dropout(dense(attended)))} with the sub-layer's output projection. */
  private Operand<TFloat32> sublayer(ModelScope scope, String prefix, Operand<TFloat32> x, Operand<TFloat32> attended) {
    Ops tf = scope.tf();
    long hidden = settings.hidden();
    Operand<TFloat32> projected = dense(scope, prefix + ".output.dense", attended, hidden, hidden);
    return LayerNorm.apply(scope, prefix + ".output.LayerNorm",
        tf.math.add(x, Dropout.apply(scope, projected, settings.dropout())), hidden, BERT_EPSILON);
  }

  private Operand<TFloat32> attention(ModelScope scope, String prefix, Operand<TFloat32> queries,
      Operand<TFloat32> keysAndValues, int length, Operand<TFloat32> mask) {
    long hidden = settings.hidden();
    Operand<TFloat32> q = dense(scope, prefix + ".query", queries, hidden, hidden);
    Operand<TFloat32> k = dense(scope, prefix + ".key", keysAndValues, hidden, hidden);
    Operand<TFloat32> v = dense(scope, prefix + ".value", keysAndValues, hidden, hidden);
    return Attention.attend(scope, q, k, v, length, length, hidden, settings.fusionHeads(), mask, settings.dropout());
  }

  private static Operand<TFloat32> dense(ModelScope scope, String prefix, Operand<TFloat32> x, long in, long out) {
    return Dense.apply(scope, prefix, x, in, out, Initializer.normal(0.02), true);
  }
}
