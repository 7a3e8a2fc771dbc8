package io.rsitr.train;

import io.rsitr.eval.Calibration;
import io.rsitr.eval.GroundTruth;
import io.rsitr.eval.Recall;
import io.rsitr.eval.RetrievalMetrics;
import io.rsitr.eval.SplitEmbeddings;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.ValidationScores;

/**
 * Scores a split with the dual encoder, computes recall and calibration, and, when an interaction
 * scores pairs, recall again after re-ranking the top candidates.
 */
public final class SplitEvaluator {

  private final SplitEncoder encoder;
  private final Reranker reranker;
  private final int numBins;

  /**
   * @param reranker re-ranks with the interaction, or {@code null} for the plain dual encoder
   */
  public SplitEvaluator(SplitEncoder encoder, Reranker reranker, int numBins) {
    this.encoder = encoder;
    this.reranker = reranker;
    this.numBins = numBins;
  }

  public EvaluationResult evaluate(DataSplit split) {
    SplitEmbeddings embeddings = encoder.encode(split, reranker != null);
    float[][] i2t = embeddings.scoresI2t();
    float[][] t2i = SplitEmbeddings.transpose(i2t);
    GroundTruth truth = groundTruth(split);
    Recall recall = RetrievalMetrics.compute(i2t, t2i, truth);
    Recall reranked = null;
    int[][] ranks = ranks(i2t, t2i, truth);
    if (reranker != null) {
      float[][][] rescored = reranker.rerank(embeddings, i2t);
      reranked = RetrievalMetrics.compute(rescored[0], rescored[1], truth);
      ranks = ranks(rescored[0], rescored[1], truth);
    }
    ValidationScores scores = new ValidationScores(i2t, t2i, truth.captionsOfImage(), truth.imageOfCaption());
    return new EvaluationResult(recall, reranked, Calibration.i2t(i2t, truth, numBins),
        Calibration.t2i(t2i, truth, numBins), scores, ranks[0], ranks[1]);
  }

  private static int[][] ranks(float[][] i2t, float[][] t2i, GroundTruth truth) {
    return new int[][] {
      RetrievalMetrics.imageToTextRanks(io.rsitr.eval.ScoreMatrix.of(i2t), truth),
      RetrievalMetrics.textToImageRanks(io.rsitr.eval.ScoreMatrix.of(t2i), truth)
    };
  }

  /** Builds the ground truth of a split by caption index, never by caption text. */
  public static GroundTruth groundTruth(DataSplit split) {
    int[][] captionsOfImage = new int[split.numImages()][];
    for (int i = 0; i < captionsOfImage.length; i++) {
      captionsOfImage[i] = split.captionsOfImage(i);
    }
    int[] imageOfCaption = new int[split.numCaptions()];
    for (int c = 0; c < imageOfCaption.length; c++) {
      imageOfCaption[c] = split.imageOfCaption(c);
    }
    return new GroundTruth(captionsOfImage, imageOfCaption);
  }
}
