package io.rsitr.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * open_clip's pre-LayerNorm transformer block: {@code x + attn(ln_1(x))}, then
 * {@code x + mlp(ln_2(x))}, with parameter names {@code {prefix}.ln_1}, {@code .attn.in_proj_weight}
 * (Q, K and V stacked), {@code .attn.out_proj}, {@code .ln_2}, {@code .mlp.c_fc}, {@code .mlp.c_proj}.
 */
public final class ResidualAttentionBlock {

  private ResidualAttentionBlock() {}

  /**
   * @param mask additive attention mask broadcastable to {@code [B, heads, L, L]}, or {@code null}
   */
  public static Operand<TFloat32> apply(
      ModelScope scope,
      String prefix,
      Operand<TFloat32> x,
      long length,
      long width,
      long heads,
      long mlpWidth,
      Activation activation,
      Operand<TFloat32> mask) {
    Ops tf = scope.tf();
    Operand<TFloat32> attended =
        selfAttention(scope, prefix + ".attn", LayerNorm.apply(scope, prefix + ".ln_1", x, width), length, width, heads, mask);
    x = tf.math.add(x, attended);

    Operand<TFloat32> hidden = LayerNorm.apply(scope, prefix + ".ln_2", x, width);
    hidden = Dense.apply(scope, prefix + ".mlp.c_fc", hidden, width, mlpWidth, Initializer.normal(Math.pow(2 * width, -0.5)), true);
    hidden = activation.apply(tf, hidden);
    hidden = Dense.apply(scope, prefix + ".mlp.c_proj", hidden, mlpWidth, width, Initializer.normal(Math.pow(width, -0.5)), true);
    return tf.math.add(x, hidden);
  }

  /** Self-attention with PyTorch's packed {@code in_proj_weight} ({@code [3·width, width]}), no dropout. */
  public static Operand<TFloat32> selfAttention(
      ModelScope scope, String prefix, Operand<TFloat32> x, long length, long width, long heads, Operand<TFloat32> mask) {
    return selfAttention(scope, prefix, x, length, width, heads, mask, 0.0);
  }

  /**
   * Self-attention with PyTorch's packed {@code in_proj_weight}, dropping attention probabilities
   * at {@code dropoutRate} while training, as {@code nn.MultiheadAttention} does.
   */
  public static Operand<TFloat32> selfAttention(ModelScope scope, String prefix, Operand<TFloat32> x, long length,
      long width, long heads, Operand<TFloat32> mask, double dropoutRate) {
    Ops tf = scope.tf();
    Operand<TFloat32> inWeight = scope.store().parameter(
        prefix + ".in_proj_weight", new long[] {3 * width, width}, ImportLayout.TRANSPOSE,
        Initializer.normal(Math.pow(width, -0.5)));
    Operand<TFloat32> inBias = scope.store().parameter(
        prefix + ".in_proj_bias", new long[] {3 * width}, ImportLayout.IDENTITY, Initializer.zeros());
    Operand<TFloat32> packed = tf.math.add(tf.linalg.matMul(Shapes.flattenLeading(tf, x, width), inWeight), inBias);
    List<Operand<TFloat32>> qkv = splitLast(tf, packed, 3);

    Operand<TFloat32> q = tf.reshape(qkv.get(0), tf.constant(new long[] {-1, length, width}));
    Operand<TFloat32> k = tf.reshape(qkv.get(1), tf.constant(new long[] {-1, length, width}));
    Operand<TFloat32> v = tf.reshape(qkv.get(2), tf.constant(new long[] {-1, length, width}));
    Operand<TFloat32> context = Attention.attend(scope, q, k, v, length, length, width, heads, mask, dropoutRate);
    return Dense.apply(scope, prefix + ".out_proj", context, width, width, Initializer.normal(Math.pow(width, -0.5)), true);
  }

  private static List<Operand<TFloat32>> splitLast(Ops tf, Operand<TFloat32> x, int parts) {
    return new ArrayList<>(tf.split(tf.constant(-1), x, (long) parts).output());
  }
}
