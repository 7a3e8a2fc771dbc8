package io.rsitr.train;

import io.rsitr.eval.SplitEmbeddings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Session;

/**
 * Re-ranks the top {@code k} candidates of every query by adding the interaction's matching score.
 *
 * <p>For every image its top k captions by {@code S}, and for every caption its top k images, get
 * the matching logit (class 1) of the (caption, image) pair added; candidates outside a query's top
 * k are set to {@link #OUTSIDE_TOP_K} so they stay ranked below. Each distinct pair is scored once,
 * and pairs are scored in batches rather than one query at a time.
 */
public final class Reranker {

  /** Score given to candidates outside a query's top k, far below any re-ranked score. */
  static final float OUTSIDE_TOP_K = -1e4f;

  private final EncoderGraph encoders;
  private final EvaluationRuns runs;
  private final int k;
  private final int batchSize;

  public Reranker(Session session, EncoderGraph encoders, InteractionGraph interaction, int k, int batchSize) {
    this.encoders = encoders;
    this.runs = new EvaluationRuns(session, encoders, interaction);
    this.k = k;
    this.batchSize = batchSize;
  }

  /** Returns the re-ranked {@code [images, captions]} and {@code [captions, images]} score matrices. */
  public float[][][] rerank(SplitEmbeddings embeddings, float[][] scoresI2t) {
    int images = scoresI2t.length;
    int captions = images == 0 ? 0 : scoresI2t[0].length;
    int[][] topCaptions = new int[images][];
    for (int i = 0; i < images; i++) {
      topCaptions[i] = topK(scoresI2t[i], Math.min(k, captions));
    }
    int[][] topImages = new int[captions][];
    float[] column = new float[images];
    for (int j = 0; j < captions; j++) {
      for (int i = 0; i < images; i++) {
        column[i] = scoresI2t[i][j];
      }
      topImages[j] = topK(column, Math.min(k, images));
    }

    Map<Long, Integer> pairIndex = new LinkedHashMap<>();
    for (int i = 0; i < images; i++) {
      for (int j : topCaptions[i]) {
        pairIndex.putIfAbsent(pairKey(i, j, captions), pairIndex.size());
      }
    }
    for (int j = 0; j < captions; j++) {
      for (int i : topImages[j]) {
        pairIndex.putIfAbsent(pairKey(i, j, captions), pairIndex.size());
      }
    }
    float[] pairScores = scorePairs(embeddings, pairIndex, captions);

    float[][] rerankedI2t = new float[images][captions];
    for (int i = 0; i < images; i++) {
      Arrays.fill(rerankedI2t[i], OUTSIDE_TOP_K);
      for (int j : topCaptions[i]) {
        rerankedI2t[i][j] = scoresI2t[i][j] + pairScores[pairIndex.get(pairKey(i, j, captions))];
      }
    }
    float[][] rerankedT2i = new float[captions][images];
    for (int j = 0; j < captions; j++) {
      Arrays.fill(rerankedT2i[j], OUTSIDE_TOP_K);
      for (int i : topImages[j]) {
        rerankedT2i[j][i] = scoresI2t[i][j] + pairScores[pairIndex.get(pairKey(i, j, captions))];
      }
    }
    return new float[][][] {rerankedI2t, rerankedT2i};
  }

  private float[] scorePairs(SplitEmbeddings embeddings, Map<Long, Integer> pairIndex, int captions) {
    long[] keys = pairIndex.keySet().stream().mapToLong(Long::longValue).toArray();
    float[] scores = new float[keys.length];
    int length = encoders.backbone().contextLength();
    long tokens = encoders.image().tokens();
    long width = encoders.image().width();
    int perImage = (int) (tokens * width);
    for (int start = 0; start < keys.length; start += batchSize) {
      int count = Math.min(batchSize, keys.length - start);
      int[] pairTokens = new int[count * length];
      float[] pairImages = new float[count * perImage];
      for (int p = 0; p < count; p++) {
        int image = (int) (keys[start + p] / captions);
        int caption = (int) (keys[start + p] % captions);
        System.arraycopy(embeddings.captionTokens()[caption], 0, pairTokens, p * length, length);
        System.arraycopy(embeddings.imageLocalTokens()[image], 0, pairImages, p * perImage, perImage);
      }
      System.arraycopy(runs.matchScores(pairTokens, pairImages, count), 0, scores, start, count);
    }
    return scores;
  }

  private static long pairKey(int image, int caption, int captions) {
    return (long) image * captions + caption;
  }

  /** Returns the indices of the {@code k} largest values, best first; ties keep the lower index first. */
  static int[] topK(float[] values, int k) {
    int[] best = new int[k];
    float[] bestValues = new float[k];
    int filled = 0;
    for (int index = 0; index < values.length; index++) {
      float value = values[index];
      if (filled == k && value <= bestValues[k - 1]) {
        continue;
      }
      int position = filled == k ? k - 1 : filled++;
      while (position > 0 && bestValues[position - 1] < value) {
        best[position] = best[position - 1];
        bestValues[position] = bestValues[position - 1];
        position--;
      }
      best[position] = index;
      bestValues[position] = value;
    }
    return best;
  }
}
