package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/** Reshaping helpers for tensors whose leading dimensions are only known when the graph runs. */
public final class Shapes {

  private Shapes() {}

  /** Flattens every dimension but the last: {@code [..., d]} to {@code [N, d]}. */
  public static <T extends TType> Operand<T> flattenLeading(Ops tf, Operand<T> x, long lastDim) {
    return tf.reshape(x, tf.constant(new long[] {-1, lastDim}));
  }

  /** Restores the leading dimensions of {@code like} on a {@code [N, d]} tensor. */
  public static <T extends TType> Operand<T> restoreLeading(Ops tf, Operand<T> flat, Operand<?> like, long lastDim) {
    Operand<TInt32> leading = tf.stridedSlice(
        tf.shape(like), tf.constant(new int[] {0}), tf.constant(new int[] {-1}), tf.constant(new int[] {1}));
    Operand<TInt32> shape = tf.concat(java.util.List.of(leading, tf.constant(new int[] {(int) lastDim})), tf.constant(0));
    return tf.reshape(flat, shape);
  }

  /** Returns dimension {@code axis} of {@code x} as a scalar tensor. */
  public static Operand<TInt32> dim(Ops tf, Operand<?> x, int axis) {
    return tf.reshape(
        tf.stridedSlice(tf.shape(x), tf.constant(new int[] {axis}), tf.constant(new int[] {axis + 1}),
            tf.constant(new int[] {1})),
        tf.constant(new int[0]));
  }
}
