package io.rsitr.eval;

/**
 * Ranks of the ground-truth matches and recall at 1, 5 and 10 in both retrieval directions.
 *
 * <p>Ranks are 0-based: rank 0 is the top of the list, and a query counts for R@K when its rank
 * is below K. Each rank is a count over one score row, so a query costs O(candidates) time and
 * nothing is sorted.
 *
 * <p>Tie rule: ties never raise recall. A ground-truth item is placed after every wrong item
 * whose score equals its own, so its rank is the number of wrong items that score at least as
 * high. For image → text this means that ties among the image's own captions do not push its
 * rank down (each of them is a correct answer), but a tie with any caption of another image
 * does, even when that caption has the same text. The reference fixtures contain no ties that
 * touch a ground-truth item, so they do not decide this case, and the rule is our choice. A
 * model that gives every pair the same score therefore gets recall at or below chance, never
 * 100 %.
 */
public final class RetrievalMetrics {

  private static final int[] CUTOFFS = {1, 5, 10};

  private RetrievalMetrics() {}

  /**
   * Computes R@1/5/10 in both directions and mR.
   *
   * @param scoresI2t images × captions
   * @param scoresT2i captions × images
   */
  public static Recall compute(float[][] scoresI2t, float[][] scoresT2i, GroundTruth groundTruth) {
    return compute(ScoreMatrix.of(scoresI2t), ScoreMatrix.of(scoresT2i), groundTruth);
  }

  /** Computes R@1/5/10 in both directions and mR from double matrices. */
  public static Recall compute(
      double[][] scoresI2t, double[][] scoresT2i, GroundTruth groundTruth) {
    return compute(ScoreMatrix.of(scoresI2t), ScoreMatrix.of(scoresT2i), groundTruth);
  }

  /** Computes R@1/5/10 in both directions and mR. */
  public static Recall compute(
      ScoreMatrix scoresI2t, ScoreMatrix scoresT2i, GroundTruth groundTruth) {
    double[] i2t = recallAtCutoffs(imageToTextRanks(scoresI2t, groundTruth));
    double[] t2i = recallAtCutoffs(textToImageRanks(scoresT2i, groundTruth));
    return Recall.of(i2t[0], i2t[1], i2t[2], t2i[0], t2i[1], t2i[2]);
  }

  /**
   * Returns, for each image, the number of captions of other images that score at least as
   * high as the image's best caption: its 0-based rank under the tie rule of this class.
   *
   * @param scoresI2t images × captions
   */
  public static int[] imageToTextRanks(ScoreMatrix scoresI2t, GroundTruth groundTruth) {
    ScoreMatrixShapes.checkShape(
        "scoresI2t", scoresI2t, groundTruth.numImages(), groundTruth.numCaptions(),
        "images x captions");
    int numCaptions = scoresI2t.columns();
    double[] row = new double[numCaptions];
    int[] ranks = new int[scoresI2t.rows()];

    for (int image = 0; image < ranks.length; image++) {
      scoresI2t.copyRow(image, row);
      ScoreMatrixShapes.checkNotNaN("scoresI2t", image, row, numCaptions);

      double bestCorrectScore = Double.NEGATIVE_INFINITY;
      for (int caption : groundTruth.captionsOf(image)) {
        bestCorrectScore = Math.max(bestCorrectScore, row[caption]);
      }
      int rank = 0;
      for (int caption = 0; caption < numCaptions; caption++) {
        if (row[caption] >= bestCorrectScore && groundTruth.imageOf(caption) != image) {
          rank++;
        }
      }
      ranks[image] = rank;
    }
    return ranks;
  }

  /**
   * Returns, for each caption, the number of other images that score at least as high as its
   * own image: its 0-based rank under the tie rule of this class.
   *
   * @param scoresT2i captions × images
   */
  public static int[] textToImageRanks(ScoreMatrix scoresT2i, GroundTruth groundTruth) {
    ScoreMatrixShapes.checkShape(
        "scoresT2i", scoresT2i, groundTruth.numCaptions(), groundTruth.numImages(),
        "captions x images");
    int numImages = scoresT2i.columns();
    double[] row = new double[numImages];
    int[] ranks = new int[scoresT2i.rows()];

    for (int caption = 0; caption < ranks.length; caption++) {
      scoresT2i.copyRow(caption, row);
      ScoreMatrixShapes.checkNotNaN("scoresT2i", caption, row, numImages);

      int correctImage = groundTruth.imageOf(caption);
      double correctScore = row[correctImage];
      int rank = 0;
      for (int image = 0; image < numImages; image++) {
        if (row[image] >= correctScore && image != correctImage) {
          rank++;
        }
      }
      ranks[caption] = rank;
    }
    return ranks;
  }

  /** Returns the percentage of ranks below 1, 5 and 10. */
  private static double[] recallAtCutoffs(int[] ranks) {
    double[] recall = new double[CUTOFFS.length];
    for (int i = 0; i < CUTOFFS.length; i++) {
      int hits = 0;
      for (int rank : ranks) {
        if (rank < CUTOFFS[i]) {
          hits++;
        }
      }
      recall[i] = 100.0 * hits / ranks.length;
    }
    return recall;
  }
}
