package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Inverted dropout that is active only while {@link ModelScope#trainingFlag()} is 1.
 *
 * <p>The effective rate is {@code rate · flag}, so evaluation (flag 0) keeps every unit and scales
 * by 1 without a second subgraph.
 */
public final class Dropout {

  private Dropout() {}

  public static Operand<TFloat32> apply(ModelScope scope, Operand<TFloat32> x, double rate) {
    if (rate <= 0.0) {
      return x;
    }
    Ops tf = scope.tf();
    Operand<TFloat32> effectiveRate = tf.math.mul(scope.trainingFlag(), tf.constant((float) rate));
    Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), scope.nextRandomSeed());
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(uniform, effectiveRate), TFloat32.class);
    Operand<TFloat32> scale = tf.math.div(tf.constant(1f), tf.math.sub(tf.constant(1f), effectiveRate));
    return tf.math.mul(tf.math.mul(x, keep), scale);
  }
}
