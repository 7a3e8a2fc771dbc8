package io.rsitr.train;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The interaction on fed (caption, image) pairs, for re-ranking at evaluation: caption token ids
 * {@code [P, contextLength]} and image local tokens {@code [P, tokens, width]} in, the matching logit
 * of class 1 per pair out. Built once, beside the training graph, sharing its variables.
 */
public final class InteractionGraph {

  private final Placeholder<TInt32> pairTokens;
  private final Placeholder<TFloat32> pairImageTokens;
  private final Operand<TFloat32> matchLogits;
  private final Operand<TFloat32> matchScores;

  public InteractionGraph(EncoderGraph encoders) {
    Ops tf = encoders.tf().withSubScope("rerank");
    long tokens = encoders.image().tokens();
    long width = encoders.image().width();
    pairTokens = tf.withName("pair_tokens").placeholder(TInt32.class,
        Placeholder.shape(Shape.of(-1, encoders.backbone().contextLength())));
    pairImageTokens = tf.withName("pair_image_tokens").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, tokens, width)));
    matchLogits = encoders.interaction().matchLogits(encoders.scope(), encoders.backbone(), pairTokens, pairImageTokens);
    matchScores = tf.reshape(tf.gather(matchLogits, tf.constant(1), tf.constant(1)), tf.constant(new int[] {-1}));
  }

  public Placeholder<TInt32> pairTokens() {
    return pairTokens;
  }

  public Placeholder<TFloat32> pairImageTokens() {
    return pairImageTokens;
  }

  /** {@code [P, 2]} logits, class 1 = match. */
  public Operand<TFloat32> matchLogits() {
    return matchLogits;
  }

  /** {@code [P]} logits of class 1. */
  public Operand<TFloat32> matchScores() {
    return matchScores;
  }
}
