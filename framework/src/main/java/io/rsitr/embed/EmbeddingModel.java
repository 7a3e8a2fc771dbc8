package io.rsitr.embed;

import io.rsitr.nn.WeightLoader;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import io.rsitr.train.EncoderGraph;
import io.rsitr.train.EvaluationRuns;
import io.rsitr.train.InteractionGraph;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

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
  private final EvaluationRuns runs;

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
      runs = new EvaluationRuns(session, encoders, interactionGraph);
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
      runs.encodeImages(batch, count, embeddings, localTokens, start);
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
      runs.encodeTexts(batch, count, embeddings, start);
    }
    return embeddings;
  }

  /** Returns the similarity scale {@code exp(logit_scale)} and the bias {@code logit_bias}. */
  public float[] scaleAndBias() {
    return runs.scaleAndBias();
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
      float[] scores = runs.matchScores(pairTokens, pairImages, count);
      for (int p = 0; p < count; p++) {
        logits[(start + p) / images][(start + p) % images] = scores[p];
      }
    }
    return logits;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
