package io.rsitr.plugins.baselines;

import io.rsitr.plugin.ContrastiveInputs;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.LossTerms;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Symmetric cross-entropy of {@code s·v·tᵀ + b} in both directions.
 *
 * <p>With momentum soft targets, the logits compare online against momentum embeddings
 * ({@code s·v·t_mᵀ + b}) and the targets are {@code (1 − α)·softmax(s·v_m·t_mᵀ) + α·I}: the same
 * inputs the TC loss reads, so swapping {@code tc} for this loss isolates the calibration weighting.
 */
final class InfoNceLoss implements ContrastiveLoss {

  private final boolean momentumTargets;
  private final double softAlpha;

  InfoNceLoss(boolean momentumTargets, double softAlpha) {
    this.momentumTargets = momentumTargets;
    this.softAlpha = softAlpha;
  }

  @Override
  public boolean usesMomentum() {
    return momentumTargets;
  }

  @Override
  public LossTerms build(Ops tf, ContrastiveInputs in) {
    Operand<TFloat32> textKeys = momentumTargets ? in.textMomentum() : in.text();
    Operand<TFloat32> imageKeys = momentumTargets ? in.imageMomentum() : in.image();
    Operand<TFloat32> logitsI2t = similarity(tf, in.image(), textKeys, in.scale(), in.bias());
    Operand<TFloat32> logitsT2i = similarity(tf, in.text(), imageKeys, in.scale(), in.bias());

    Operand<TFloat32> identity = identityLike(tf, logitsI2t);
    Operand<TFloat32> targetsI2t = identity;
    Operand<TFloat32> targetsT2i = identity;
    if (momentumTargets) {
      Operand<TFloat32> momentumI2t = tf.math.mul(in.scale(),
          tf.linalg.matMul(in.imageMomentum(), in.textMomentum(), org.tensorflow.op.linalg.MatMul.transposeB(true)));
      Operand<TFloat32> momentumT2i = tf.linalg.transpose(momentumI2t, tf.constant(new int[] {1, 0}));
      targetsI2t = softTargets(tf, momentumI2t, identity);
      targetsT2i = softTargets(tf, momentumT2i, identity);
    }
    Operand<TFloat32> lossI2t = crossEntropy(tf, logitsI2t, targetsI2t);
    Operand<TFloat32> lossT2i = crossEntropy(tf, logitsT2i, targetsT2i);
    Operand<TFloat32> total = tf.math.mul(tf.math.add(lossI2t, lossT2i), tf.constant(0.5f));
    return new LossTerms(total, Map.of("loss_i2t", lossI2t, "loss_t2i", lossT2i));
  }

  private Operand<TFloat32> softTargets(Ops tf, Operand<TFloat32> momentumLogits, Operand<TFloat32> identity) {
    Operand<TFloat32> soft = tf.math.mul(tf.nn.softmax(momentumLogits), tf.constant((float) (1 - softAlpha)));
    return tf.stopGradient(tf.math.add(soft, tf.math.mul(identity, tf.constant((float) softAlpha))));
  }

  static Operand<TFloat32> similarity(
      Ops tf, Operand<TFloat32> queries, Operand<TFloat32> keys, Operand<TFloat32> scale, Operand<TFloat32> bias) {
    Operand<TFloat32> dot = tf.linalg.matMul(queries, keys, org.tensorflow.op.linalg.MatMul.transposeB(true));
    return tf.math.add(tf.math.mul(dot, scale), bias);
  }

  private static Operand<TFloat32> identityLike(Ops tf, Operand<TFloat32> square) {
    Operand<TInt32> rows = tf.reshape(
        tf.stridedSlice(tf.shape(square), tf.constant(new int[] {0}), tf.constant(new int[] {1}),
            tf.constant(new int[] {1})), tf.constant(new int[0]));
    return tf.oneHot(tf.range(tf.constant(0), rows, tf.constant(1)), rows, tf.constant(1f), tf.constant(0f));
  }

  private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> targets) {
    Operand<TFloat32> perRow = tf.math.neg(tf.reduceSum(tf.math.mul(targets, tf.nn.logSoftmax(logits)), tf.constant(1)));
    return tf.math.mean(perRow, tf.constant(0), Mean.keepDims(false));
  }
}
