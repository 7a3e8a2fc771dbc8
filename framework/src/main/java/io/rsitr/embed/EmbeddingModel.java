package io.rsitr.embed;

import io.rsitr.nn.WeightLoader;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import io.rsitr.train.EncoderGraph;
import io.rsitr.train.InteractionGraph;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A dual encoder, and optionally an interaction that scores pairs, with weights loaded from one
 * file, run in evaluation mode (no dropout) on preprocessed inputs.
 *
 * <p>Loading is strict: every parameter of the backbone and of the interaction must be in the file
 * with its exact shape, except the keys the backbone declares optional (such as {@code logit_bias}).
 * Momentum copies ({@code *_m}) and keys the plugins declare as ignored are skipped.
 */
public final class EmbeddingModel implements AutoCloseable {

  private static final int IMAGE_BATCH = 32;
  private static final int TEXT_BATCH = 128;
  private static final int PAIR_BATCH = 256;

  private final Graph graph;
  private final Session session;
  private final EncoderGraph encoders;
  private final InteractionGraph interactionGraph;

  /**
   * Builds the graph and loads {@code weights}.
   *
   * @param interaction the interaction whose matching logits are wanted, or {@code null}
   * @throws io.rsitr.weights.WeightMismatchException when the file does not fit the model
   */
  public EmbeddingModel(Backbone backbone, Interaction interaction, StateDict weights) {
    graph = new Graph();
    try {
      encoders = new EncoderGraph(Ops.create(graph), backbone, interaction, 0);
      interactionGraph = interaction != null && interaction.scoresPairs() ? new InteractionGraph(encoders) : null;
      session = new Session(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    try {
      session.initialize();
      WeightLoader.load(session, encoders.online().parameters(), weights, compatibility(backbone, interaction));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static WeightCompatibility compatibility(Backbone backbone, Interaction interaction) {
    Set<String> ignored = new LinkedHashSet<>(backbone.ignoredImportKeys());
    ignored.add("*_m");
    ignored.add("*_m.*");
    if (interaction != null) {
      ignored.addAll(interaction.ignoredImportKeys());
    }
    return WeightCompatibility.strict()
        .withIgnoredKeys(ignored.toArray(String[]::new))
        .withOptionalKeys(backbone.optionalImportKeys().toArray(String[]::new))
        .withShapeExplainer((name, expected, actual) ->
            Optional.ofNullable(backbone.explainShapeMismatch(name, expected, actual)));
  }

  public Backbone backbone() {
    return encoders.backbone();
  }

  /** Returns whether {@link #matchLogits} is available. */
  public boolean scoresPairs() {
    return interactionGraph != null;
  }

  /**
   * Encodes images.
   *
   * @param pixels one normalised {@code size·size·3} HWC array per image
   * @return the L2-normalised embeddings and, per image, its local tokens flattened
   */
  public ImageEncodings encodeImages(float[][] pixels) {
    int size = backbone().imageSize();
    int perImage = size * size * 3;
    float[][] embeddings = new float[pixels.length][];
    float[][] localTokens = new float[pixels.length][];
    for (int start = 0; start < pixels.length; start += IMAGE_BATCH) {
      int count = Math.min(IMAGE_BATCH, pixels.length - start);
      float[] batch = new float[count * perImage];
      for (int b = 0; b < count; b++) {
        System.arraycopy(pixels[start + b], 0, batch, b * perImage, perImage);
      }
      try (TFloat32 input = TFloat32.tensorOf(Shape.of(count, size, size, 3), DataBuffers.of(batch, true, false));
          TFloat32 training = TFloat32.scalarOf(0f);
          TInt64 seed = TInt64.vectorOf(0L, 0L);
          Result out = session.runner()
              .feed(encoders.pixels(), input)
              .feed(encoders.trainingFlag(), training)
              .feed(encoders.stepSeed(), seed)
              .fetch(encoders.image().embedding())
              .fetch(encoders.image().localTokens())
              .run()) {
        copyRows((TFloat32) out.get(0), embeddings, start, count);
        copyRows((TFloat32) out.get(1), localTokens, start, count);
      }
    }
    return new ImageEncodings(embeddings, localTokens);
  }

  /** Encodes token-id rows of {@code contextLength} ids into L2-normalised embeddings. */
  public float[][] encodeTexts(int[][] tokens) {
    int length = backbone().contextLength();
    float[][] embeddings = new float[tokens.length][];
    for (int start = 0; start < tokens.length; start += TEXT_BATCH) {
      int count = Math.min(TEXT_BATCH, tokens.length - start);
      int[] batch = new int[count * length];
      for (int b = 0; b < count; b++) {
        System.arraycopy(tokens[start + b], 0, batch, b * length, length);
      }
      try (TInt32 input = TInt32.tensorOf(Shape.of(count, length), DataBuffers.of(batch, true, false));
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
    return embeddings;
  }

  /** Returns the similarity scale {@code exp(min(logit_scale, ln 100))} and the bias {@code logit_bias}. */
  public float[] scaleAndBias() {
    try (Result out = session.runner().fetch(encoders.scale()).fetch(encoders.bias()).run()) {
      return new float[] {((TFloat32) out.get(0)).getFloat(), ((TFloat32) out.get(1)).getFloat()};
    }
  }

  /**
   * Scores every (caption, image) pair with the interaction.
   *
   * @param imageLocalTokens per image, its local tokens flattened, as {@link #encodeImages} returns them
   * @return the matching logit of class 1, {@code [captions, images]}
   * @throws IllegalStateException when the model has no interaction that scores pairs
   */
  public float[][] matchLogits(int[][] tokens, float[][] imageLocalTokens) {
    if (interactionGraph == null) {
      throw new IllegalStateException("this model has no interaction that scores pairs");
    }
    int images = imageLocalTokens.length;
    int pairs = tokens.length * images;
    int length = backbone().contextLength();
    long imageTokens = encoders.image().tokens();
    long width = encoders.image().width();
    int perImage = (int) (imageTokens * width);
    float[][] logits = new float[tokens.length][images];
    for (int start = 0; start < pairs; start += PAIR_BATCH) {
      int count = Math.min(PAIR_BATCH, pairs - start);
      int[] pairTokens = new int[count * length];
      float[] pairImages = new float[count * perImage];
      for (int p = 0; p < count; p++) {
        int caption = (start + p) / images;
        int image = (start + p) % images;
        System.arraycopy(tokens[caption], 0, pairTokens, p * length, length);
        System.arraycopy(imageLocalTokens[image], 0, pairImages, p * perImage, perImage);
      }
      float[] scores = runPairs(pairTokens, pairImages, count, imageTokens, width);
      for (int p = 0; p < count; p++) {
        logits[(start + p) / images][(start + p) % images] = scores[p];
      }
    }
    return logits;
  }

  private float[] runPairs(int[] pairTokens, float[] pairImages, int count, long imageTokens, long width) {
    int length = backbone().contextLength();
    try (TInt32 tokenTensor = TInt32.tensorOf(Shape.of(count, length), DataBuffers.of(pairTokens, true, false));
        TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(count, imageTokens, width),
            DataBuffers.of(pairImages, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0L, 0L);
        Result out = session.runner()
            .feed(interactionGraph.pairTokens(), tokenTensor)
            .feed(interactionGraph.pairImageTokens(), imageTensor)
            .feed(encoders.trainingFlag(), training)
            .feed(encoders.stepSeed(), seed)
            .fetch(interactionGraph.matchScores())
            .run()) {
      float[] scores = new float[count];
      ((TFloat32) out.get(0)).asRawTensor().data().asFloats().read(scores);
      return scores;
    }
  }

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

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
