package io.rsitr.plugins.tc;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Graph of the task-specific calibration (TC) loss for one retrieval direction.
 *
 * <p>For logits L, soft targets Y and focusing parameter γ: {@code p = softmax_rows(L)},
 * {@code q = sign(γ)·p}, {@code W = clamp(|Y − q|, 1e-5, 2)^|γ| ⊙ Y}, and the loss is the mean
 * over rows of {@code −Σ_j W_ij·log p_ij}. The gradient flows into the logits through
 * {@code log p} and through the base {@code |Y − q|} of W. No gradient flows into Y or γ. The
 * plain-Java twin of this graph is {@link io.rsitr.eval.TcLossReference}.
 */
public final class TcLossGraph {

  /** Lower clamp of {@code |Y − q|}, so that {@code 0^|γ|} and its gradient stay finite. */
  static final double WEIGHT_BASE_MIN = 1e-5;

  /** Upper clamp of {@code |Y − q|}, which cannot exceed 2 when Y and p are probabilities. */
  static final double WEIGHT_BASE_MAX = 2.0;

  private TcLossGraph() {}

  /**
   * Builds the TC loss of one direction.
   *
   * @param logits rows × classes
   * @param targets soft targets of the same shape, treated as constants
   * @param gamma focusing parameter, a scalar treated as a constant
   * @return the loss, a scalar
   */
  public static <T extends TFloating> Operand<T> build(
      Ops tf, Operand<T> logits, Operand<T> targets, Operand<T> gamma) {
    Operand<T> logProbabilities = tf.nn.logSoftmax(logits);
    Operand<T> probabilities = tf.math.exp(logProbabilities);
    Operand<T> weights = weights(tf, probabilities, tf.stopGradient(targets), tf.stopGradient(gamma));

    Operand<T> weightedLogLikelihood = tf.reduceSum(tf.math.mul(weights, logProbabilities), tf.constant(1));
    return tf.math.mean(tf.math.neg(weightedLogLikelihood), tf.constant(0));
  }

  /** Builds {@code W = clamp(|Y − sign(γ)·p|, 1e-5, 2)^|γ| ⊙ Y}. */
  private static <T extends TFloating> Operand<T> weights(
      Ops tf, Operand<T> probabilities, Operand<T> targets, Operand<T> gamma) {
    Class<T> type = probabilities.type();
    Operand<T> signedProbabilities = tf.math.mul(tf.math.sign(gamma), probabilities);
    Operand<T> distance = tf.math.abs(tf.math.sub(targets, signedProbabilities));
    Operand<T> base = tf.clipByValue(
        distance, tf.constant(type, WEIGHT_BASE_MIN), tf.constant(type, WEIGHT_BASE_MAX));
    return tf.math.mul(tf.math.pow(base, tf.math.abs(gamma)), targets);
  }
}
