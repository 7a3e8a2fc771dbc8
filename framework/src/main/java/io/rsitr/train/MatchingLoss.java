package io.rsitr.train;

import io.rsitr.plugin.Interaction;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Image-text matching loss with hard negatives drawn inside the graph from the momentum
 * similarities.
 *
 * <p>For every pair b of the batch, one negative caption is drawn from
 * {@code softmax_rows(s·v_m·t_mᵀ) + 1e-8} with the diagonal zeroed, and one negative image from the
 * transposed analogue. The interaction scores the B positive pairs (label 1), the B pairs of image b
 * with its negative caption and the B pairs of caption b with its negative image (label 0). The
 * loss is the cross-entropy over those 3B pairs. Draws use a stateless multinomial seeded per step,
 * so a step's negatives depend only on the run seed and the step.
 */
final class MatchingLoss {

  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> accuracy;
  private final Operand<TInt32> negativeCaptions;
  private final Operand<TInt32> negativeImages;

  MatchingLoss(EncoderGraph encoders, MomentumEncoder momentum, Interaction interaction) {
    Ops tf = encoders.tf().withSubScope("itm");
    Operand<TFloat32> scale = tf.stopGradient(encoders.scale());
    Operand<TFloat32> momentumI2t = tf.math.mul(scale,
        tf.linalg.matMul(momentum.imageEmbedding(), momentum.textEmbedding(), MatMul.transposeB(true)));
    Operand<TFloat32> momentumT2i = tf.linalg.transpose(momentumI2t, tf.constant(new int[] {1, 0}));

    negativeCaptions = drawNegatives(tf, momentumI2t, encoders.scope().nextRandomSeed());
    negativeImages = drawNegatives(tf, momentumT2i, encoders.scope().nextRandomSeed());

    Operand<TInt32> tokens = encoders.tokens();
    Operand<TFloat32> local = encoders.image().localTokens();
    Operand<TInt32> pairTokens = tf.concat(
        List.of(tokens, tf.gather(tokens, negativeCaptions, tf.constant(0)), tokens), tf.constant(0));
    Operand<TFloat32> pairImages = tf.concat(
        List.of(local, local, tf.gather(local, negativeImages, tf.constant(0))), tf.constant(0));
    Operand<TFloat32> logits =
        interaction.matchLogits(encoders.scope(), encoders.backbone(), pairTokens, pairImages);

    Operand<TInt32> batch = tf.reshape(io.rsitr.nn.Shapes.dim(tf, tokens, 0), tf.constant(new int[] {1}));
    Operand<TInt32> labels = tf.concat(List.of(
        tf.fill(batch, tf.constant(1)), tf.fill(tf.math.mul(batch, tf.constant(2)), tf.constant(0))), tf.constant(0));
    // Cross-entropy written with logSoftmax: the sparse cross-entropy op has no gradient in
    // TensorFlow's C++ gradient registry, which graph-mode Java relies on.
    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(2), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> perPair = tf.math.neg(tf.reduceSum(tf.math.mul(oneHot, tf.nn.logSoftmax(logits)), tf.constant(1)));
    loss = tf.withName("loss").math.mean(perPair, tf.constant(0));
    Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
    accuracy = tf.math.mean(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
  }

  /** Draws one column per row from the softmax of {@code similarities} plus 1e-8, never the diagonal. */
  private static Operand<TInt32> drawNegatives(Ops tf, Operand<TFloat32> similarities, Operand<TInt64> seed) {
    Operand<TFloat32> weights = tf.math.add(tf.nn.softmax(similarities), tf.constant(1e-8f));
    Operand<TFloat32> identity = tf.linalg.matrixDiag(tf.onesLike(tf.reduceSum(similarities, tf.constant(1))),
        tf.constant(0), tf.constant(-1), tf.constant(-1), tf.constant(0f));
    Operand<TFloat32> offDiagonal = tf.math.mul(weights, tf.math.sub(tf.constant(1f), identity));
    Operand<TFloat32> logWeights = tf.math.log(tf.math.maximum(offDiagonal, tf.constant(1e-30f)));
    Operand<TFloat32> masked = tf.math.add(logWeights, tf.math.mul(identity, tf.constant(-1e9f)));
    Operand<TInt64> drawn = tf.random.statelessMultinomial(tf.stopGradient(masked), tf.constant(1), seed);
    return tf.reshape(tf.dtypes.cast(drawn, TInt32.class), tf.constant(new int[] {-1}));
  }

  Operand<TFloat32> loss() {
    return loss;
  }

  /** Returns the negative caption drawn for each image of the batch, {@code [B]}. */
  Operand<TInt32> negativeCaptions() {
    return negativeCaptions;
  }

  /** Returns the negative image drawn for each caption of the batch, {@code [B]}. */
  Operand<TInt32> negativeImages() {
    return negativeImages;
  }

  /** Share of the 3B pairs whose argmax matches the label, logged as {@code train/itm_accuracy}. */
  Operand<TFloat32> accuracy() {
    return accuracy;
  }
}
