package io.rsitr.plugins.tc;

import io.rsitr.plugin.ContrastiveInputs;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.EpochListener;
import io.rsitr.plugin.LossTerms;
import io.rsitr.plugin.StepFeeder;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Image-text contrastive loss with task-specific calibration (TC) weighting, against momentum
 * soft targets.
 *
 * <p>With {@code s = exp(logit_scale)} and {@code b = logit_bias}, the logits compare online
 * against momentum embeddings, {@code Li2t = s·v·t_mᵀ + b} and {@code Lt2i = s·t·v_mᵀ + b}. The
 * targets are {@code Yi2t = (1 − α)·softmax_rows(s·v_m·t_mᵀ) + α·I} and likewise Yt2i. The loss
 * is {@code ½(TC(Li2t, Yi2t; γi2t) + TC(Lt2i, Yt2i; γt2i))}, see {@link TcLossGraph}. Both γ are
 * placeholders fed before every step, so that {@link TcGammaListener} can change them between
 * epochs without rebuilding the graph.
 */
final class TcLoss implements ContrastiveLoss {

  private final double softAlpha;
  private final TcGammaListener gammaListener;
  private Placeholder<TFloat32> gammaI2t;
  private Placeholder<TFloat32> gammaT2i;

  /**
   * @param softAlpha weight α of the identity in the soft targets, in [0, 1]
   * @param gammaListener source of the current γ values
   */
  TcLoss(double softAlpha, TcGammaListener gammaListener) {
    if (!(softAlpha >= 0.0 && softAlpha <= 1.0)) {
      throw new IllegalArgumentException("softAlpha is " + softAlpha + ", but it must be in [0, 1]");
    }
    this.softAlpha = softAlpha;
    this.gammaListener = gammaListener;
  }

  @Override
  public boolean usesMomentum() {
    return true;
  }

  @Override
  public LossTerms build(Ops tf, ContrastiveInputs inputs) {
    if (!inputs.hasMomentum()) {
      throw new IllegalArgumentException(
          "the tc loss needs momentum embeddings, but the inputs have none; the runtime builds a"
              + " momentum encoder when usesMomentum() is true");
    }
    Ops scope = tf.withSubScope("tc_loss");
    gammaI2t = scope.withName("gamma_i2t").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    gammaT2i = scope.withName("gamma_t2i").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

    Operand<TFloat32> logitsI2t = logits(scope, inputs.image(), inputs.textMomentum(), inputs);
    Operand<TFloat32> logitsT2i = logits(scope, inputs.text(), inputs.imageMomentum(), inputs);

    Operand<TFloat32> momentumI2t = scaledSimilarity(scope, inputs.imageMomentum(), inputs.textMomentum(), inputs);
    // s·t_m·v_mᵀ is the transpose of s·v_m·t_mᵀ, so one product serves both directions.
    Operand<TFloat32> momentumT2i = scope.linalg.transpose(momentumI2t, scope.constant(new int[] {1, 0}));
    Operand<TFloat32> identity = identityLike(scope, momentumI2t);
    Operand<TFloat32> targetsI2t = softTargets(scope, momentumI2t, identity);
    Operand<TFloat32> targetsT2i = softTargets(scope, momentumT2i, identity);

    Operand<TFloat32> lossI2t = TcLossGraph.build(scope, logitsI2t, targetsI2t, gammaI2t);
    Operand<TFloat32> lossT2i = TcLossGraph.build(scope, logitsT2i, targetsT2i, gammaT2i);
    Operand<TFloat32> total = scope.math.mul(scope.math.add(lossI2t, lossT2i), scope.constant(0.5f));
    return new LossTerms(total, Map.of("loss_i2t", lossI2t, "loss_t2i", lossT2i));
  }

  /** Feeds the listener's current γ values into the placeholders that {@link #build} created. */
  @Override
  public void feedStep(StepFeeder feeder) {
    if (gammaI2t == null) {
      throw new IllegalStateException("feedStep was called before build; build the loss graph first");
    }
    feeder.feed(gammaI2t, (float) gammaListener.gammaI2t());
    feeder.feed(gammaT2i, (float) gammaListener.gammaT2i());
  }

  @Override
  public List<EpochListener> epochListeners() {
    return List.of(gammaListener);
  }

  TcGammaListener gammaListener() {
    return gammaListener;
  }

  private static Operand<TFloat32> logits(
      Ops tf, Operand<TFloat32> queries, Operand<TFloat32> keys, ContrastiveInputs inputs) {
    return tf.math.add(scaledSimilarity(tf, queries, keys, inputs), inputs.bias());
  }

  private static Operand<TFloat32> scaledSimilarity(
      Ops tf, Operand<TFloat32> queries, Operand<TFloat32> keys, ContrastiveInputs inputs) {
    Operand<TFloat32> dot = tf.linalg.matMul(queries, keys, MatMul.transposeB(true));
    return tf.math.mul(dot, inputs.scale());
  }

  /** Builds {@code (1 − α)·softmax_rows(momentumLogits) + α·I} without gradient. */
  private Operand<TFloat32> softTargets(Ops tf, Operand<TFloat32> momentumLogits, Operand<TFloat32> identity) {
    Operand<TFloat32> soft = tf.math.mul(tf.nn.softmax(momentumLogits), tf.constant((float) (1.0 - softAlpha)));
    Operand<TFloat32> hard = tf.math.mul(identity, tf.constant((float) softAlpha));
    return tf.stopGradient(tf.math.add(soft, hard));
  }

  /** Builds the identity matrix of a square {@code [B, B]} operand whose B is known only at run time. */
  private static Operand<TFloat32> identityLike(Ops tf, Operand<TFloat32> square) {
    Operand<TInt32> rows = tf.reshape(
        tf.stridedSlice(tf.shape(square), tf.constant(new int[] {0}), tf.constant(new int[] {1}),
            tf.constant(new int[] {1})),
        tf.constant(new int[0]));
    return tf.oneHot(tf.range(tf.constant(0), rows, tf.constant(1)), rows, tf.constant(1f), tf.constant(0f));
  }
}
