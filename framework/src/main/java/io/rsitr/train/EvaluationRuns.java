package io.rsitr.train;

import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Runs the encoders and the interaction in evaluation mode (no dropout) on flat batches, for split
 * evaluation, re-ranking and {@code rsitr embed}.
 */
public final class EvaluationRuns {

  private final Session session;
  private final EncoderGraph encoders;
  private final InteractionGraph interaction;

  /**
   * @param interaction the interaction on fed pairs, or {@code null} when it scores no pairs
   */
  public EvaluationRuns(Session session, EncoderGraph encoders, InteractionGraph interaction) {
    this.session = session;
    this.encoders = encoders;
    this.interaction = interaction;
  }

  /**
   * Encodes {@code count} images of normalised NHWC pixels into {@code embeddings[start..]} and,
   * unless {@code localTokens} is {@code null}, their flattened local tokens.
   */
  public void encodeImages(float[] pixels, int count, float[][] embeddings, float[][] localTokens, int start) {
    int size = encoders.backbone().imageSize();
    try (TFloat32 input = TFloat32.tensorOf(Shape.of(count, size, size, 3), DataBuffers.of(pixels, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0L, 0L)) {
      Session.Runner runner = session.runner()
          .feed(encoders.pixels(), input)
          .feed(encoders.trainingFlag(), training)
          .feed(encoders.stepSeed(), seed)
          .fetch(encoders.image().embedding());
      if (localTokens != null) {
        runner.fetch(encoders.image().localTokens());
      }
      try (Result out = runner.run()) {
        copyRows((TFloat32) out.get(0), embeddings, start, count);
        if (localTokens != null) {
          copyRows((TFloat32) out.get(1), localTokens, start, count);
        }
      }
    }
  }

  /** Encodes {@code count} rows of token ids into {@code embeddings[start..]}. */
  public void encodeTexts(int[] tokens, int count, float[][] embeddings, int start) {
    int length = encoders.backbone().contextLength();
    try (TInt32 input = TInt32.tensorOf(Shape.of(count, length), DataBuffers.of(tokens, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0L, 0L);
        Result out = session.runner()
            .feed(encoders.tokens(), input)
            .feed(encoders.trainingFlag(), training)
            .feed(encoders.stepSeed(), seed)
            .fetch(encoders.text().embedding())
            .run()) {
      copyRows((TFloat32) out.get(0), embeddings, start, count);
    }
  }

  /** Returns the matching logit of class 1 for {@code count} (caption, image) pairs. */
  public float[] matchScores(int[] pairTokens, float[] pairImageTokens, int count) {
    if (interaction == null) {
      throw new IllegalStateException("this model has no interaction that scores pairs");
    }
    int length = encoders.backbone().contextLength();
    try (TInt32 tokenTensor = TInt32.tensorOf(Shape.of(count, length), DataBuffers.of(pairTokens, true, false));
        TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(count, encoders.image().tokens(), encoders.image().width()),
            DataBuffers.of(pairImageTokens, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0L, 0L);
        Result out = session.runner()
            .feed(interaction.pairTokens(), tokenTensor)
            .feed(interaction.pairImageTokens(), imageTensor)
            .feed(encoders.trainingFlag(), training)
            .feed(encoders.stepSeed(), seed)
            .fetch(interaction.matchScores())
            .run()) {
      float[] scores = new float[count];
      ((TFloat32) out.get(0)).asRawTensor().data().asFloats().read(scores);
      return scores;
    }
  }

  /** Returns the similarity scale {@code exp(logit_scale)} and the bias {@code logit_bias}. */
  public float[] scaleAndBias() {
    try (Result out = session.runner().fetch(encoders.scale()).fetch(encoders.bias()).run()) {
      return new float[] {((TFloat32) out.get(0)).getFloat(), ((TFloat32) out.get(1)).getFloat()};
    }
  }

  /** Copies the rows of a {@code [count, ...]} tensor, each flattened, into {@code target[start..]}. */
  private static void copyRows(TFloat32 tensor, float[][] target, int start, int count) {
    int width = (int) (tensor.shape().size() / count);
    float[] flat = new float[count * width];
    tensor.asRawTensor().data().asFloats().read(flat);
    for (int b = 0; b < count; b++) {
      float[] row = new float[width];
      System.arraycopy(flat, b * width, row, 0, width);
      target[start + b] = row;
    }
  }
}
