package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** Layer normalisation over the last dimension with {@code {prefix}.weight} and {@code {prefix}.bias}. */
public final class LayerNorm {

  /** PyTorch's default epsilon, used by open_clip. */
  public static final double TORCH_EPSILON = 1e-5;

  private LayerNorm() {}

  public static Operand<TFloat32> apply(ModelScope scope, String prefix, Operand<TFloat32> x, long width, double epsilon) {
    Ops tf = scope.tf();
    Operand<TFloat32> gamma =
        scope.store().parameter(prefix + ".weight", new long[] {width}, ImportLayout.IDENTITY, Initializer.ones());
    Operand<TFloat32> beta =
        scope.store().parameter(prefix + ".bias", new long[] {width}, ImportLayout.IDENTITY, Initializer.zeros());
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, mean), tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> normalized =
        tf.math.mul(tf.math.sub(x, mean), tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon))));
    return tf.math.add(tf.math.mul(normalized, gamma), beta);
  }

  public static Operand<TFloat32> apply(ModelScope scope, String prefix, Operand<TFloat32> x, long width) {
    return apply(scope, prefix, x, width, TORCH_EPSILON);
  }
}
