package io.rsitr.plugins.lsci;

import io.rsitr.nn.Attention;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Additive key masks {@code [P, 1, 1, length]} that hide padded positions, for {@code mask_padding}. */
final class PaddingMasks {

  private PaddingMasks() {}

  /** Hides text positions after the end-of-text token (the largest id) and the zero padding past the context. */
  static Operand<TFloat32> text(Ops tf, Operand<TInt32> tokens, int textLength, int length) {
    Operand<TInt32> endOfText = tf.expandDims(tf.math.argMax(tokens, tf.constant(1), TInt32.class), tf.constant(1));
    Operand<TInt32> positions = tf.expandDims(tf.range(tf.constant(0), tf.constant(length), tf.constant(1)),
        tf.constant(0));
    Operand<TFloat32> padded = tf.dtypes.cast(tf.math.greater(positions, endOfText), TFloat32.class);
    return reshape(tf, tf.math.mul(padded, tf.constant(Attention.MASKED_SCORE)), length);
  }

  /** Hides every position at or after {@code valid}, the same for every row. */
  static Operand<TFloat32> prefix(Ops tf, int valid, int length) {
    float[] mask = new float[length];
    for (int i = valid; i < length; i++) {
      mask[i] = Attention.MASKED_SCORE;
    }
    return tf.reshape(tf.constant(mask), tf.constant(new int[] {1, 1, 1, length}));
  }

  private static Operand<TFloat32> reshape(Ops tf, Operand<TFloat32> mask, int length) {
    return tf.reshape(mask, tf.constant(new int[] {-1, 1, 1, length}));
  }
}
