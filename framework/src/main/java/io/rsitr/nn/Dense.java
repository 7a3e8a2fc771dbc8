package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A PyTorch-style linear layer {@code y = x·Wᵀ + b}, with W stored as {@code [in, out]}. */
public final class Dense {

  private Dense() {}

  /**
   * Applies {@code {prefix}.weight} ({@code [out, in]} in PyTorch) and {@code {prefix}.bias} to the
   * last dimension of {@code x}.
   */
  public static Operand<TFloat32> apply(
      ModelScope scope, String prefix, Operand<TFloat32> x, long in, long out, Initializer weightInit, boolean bias) {
    Ops tf = scope.tf();
    Operand<TFloat32> weight =
        scope.store().parameter(prefix + ".weight", new long[] {out, in}, ImportLayout.TRANSPOSE, weightInit);
    Operand<TFloat32> y = tf.linalg.matMul(Shapes.flattenLeading(tf, x, in), weight);
    if (bias) {
      Operand<TFloat32> b =
          scope.store().parameter(prefix + ".bias", new long[] {out}, ImportLayout.IDENTITY, Initializer.zeros());
      y = tf.math.add(y, b);
    }
    return Shapes.restoreLeading(tf, y, x, out);
  }

  /** PyTorch's default {@code Linear} weight scale, used where a model leaves the default in place. */
  public static Initializer defaultInit(long in) {
    return Initializer.normal(1.0 / Math.sqrt(3.0 * in));
  }
}
