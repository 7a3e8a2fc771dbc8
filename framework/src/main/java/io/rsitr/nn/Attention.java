package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * Scaled dot-product multi-head attention on {@code [B, L, D]} tensors.
 *
 * <p>Sequence lengths are static (they are fixed by the model: patches + 1, the context length),
 * which lets heads be split with plain reshapes.
 */
public final class Attention {

  /** Added to masked scores; large enough to give them zero probability without producing NaN. */
  public static final float MASKED_SCORE = -1e9f;

  private Attention() {}

  /**
   * Attends {@code queries} ({@code [B, lq, D]}) over {@code keys}/{@code values} ({@code [B, lk, D]}).
   *
   * @param additiveMask broadcastable to {@code [B, heads, lq, lk]} (0 keeps, {@link #MASKED_SCORE}
   *     drops), or {@code null}
   * @param dropoutRate dropout on the attention probabilities, 0 for none
   */
  public static Operand<TFloat32> attend(
      ModelScope scope,
      Operand<TFloat32> queries,
      Operand<TFloat32> keys,
      Operand<TFloat32> values,
      long lq,
      long lk,
      long width,
      long heads,
      Operand<TFloat32> additiveMask,
      double dropoutRate) {
    Ops tf = scope.tf();
    long headWidth = width / heads;
    Operand<TFloat32> q = splitHeads(tf, queries, lq, heads, headWidth);
    Operand<TFloat32> k = splitHeads(tf, keys, lk, heads, headWidth);
    Operand<TFloat32> v = splitHeads(tf, values, lk, heads, headWidth);

    Operand<TFloat32> scores = tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true));
    scores = tf.math.mul(scores, tf.constant((float) (1.0 / Math.sqrt(headWidth))));
    if (additiveMask != null) {
      scores = tf.math.add(scores, additiveMask);
    }
    Operand<TFloat32> probabilities = Dropout.apply(scope, tf.nn.softmax(scores), dropoutRate);

    Operand<TFloat32> context = tf.train.batchMatMul(probabilities, v, TFloat32.class);
    return mergeHeads(tf, context, lq, width);
  }

  /** Returns a {@code [L, L]} mask that lets position i attend to positions ≤ i only. */
  public static Operand<TFloat32> causalMask(Ops tf, int length) {
    float[][] mask = new float[length][length];
    for (int i = 0; i < length; i++) {
      for (int j = i + 1; j < length; j++) {
        mask[i][j] = MASKED_SCORE;
      }
    }
    return tf.constant(mask);
  }

  private static Operand<TFloat32> splitHeads(Ops tf, Operand<TFloat32> x, long length, long heads, long headWidth) {
    Operand<TFloat32> split = tf.reshape(x, tf.constant(new long[] {-1, length, heads, headWidth}));
    return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));
  }

  private static Operand<TFloat32> mergeHeads(Ops tf, Operand<TFloat32> x, long length, long width) {
    Operand<TFloat32> transposed = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
    return tf.reshape(transposed, tf.constant(new long[] {-1, length, width}));
  }
}
