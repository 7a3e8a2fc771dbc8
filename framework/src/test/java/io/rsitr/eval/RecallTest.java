package io.rsitr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RecallTest {

  /** Recall values are exact fractions of small counts, so this only absorbs rounding. */
  private static final Offset<Double> EXACT = within(1e-9);

  @Test
  void twoImagesWithOneCaptionEach() {
    float[][] scoresI2t = {{10, 9}, {5, 0}};
    float[][] scoresT2i = transpose(scoresI2t);
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {0, 1});

    int[] textRanks = RetrievalMetrics.textToImageRanks(ScoreMatrix.of(scoresT2i), groundTruth);
    int[] imageRanks = RetrievalMetrics.imageToTextRanks(ScoreMatrix.of(scoresI2t), groundTruth);
    Recall recall = RetrievalMetrics.compute(scoresI2t, scoresT2i, groundTruth);

    assertThat(textRanks)
        .as("text 0 ranks image 0 first (10 > 5), text 1 ranks image 1 second (0 < 9)")
        .containsExactly(0, 1);
    assertThat(imageRanks)
        .as("image 0 ranks caption 0 first (10 > 9), image 1 ranks caption 1 second (0 < 5)")
        .containsExactly(0, 1);
    assertThat(recall.i2tR1()).isCloseTo(50.0, EXACT);
    assertThat(recall.i2tR5()).isCloseTo(100.0, EXACT);
    assertThat(recall.i2tR10()).isCloseTo(100.0, EXACT);
    assertThat(recall.t2iR1()).isCloseTo(50.0, EXACT);
    assertThat(recall.t2iR5()).isCloseTo(100.0, EXACT);
    assertThat(recall.t2iR10()).isCloseTo(100.0, EXACT);
    assertThat(recall.meanRecall()).isCloseTo(500.0 / 6.0, EXACT);
  }

  /**
   * Image A has one sentence five times (captions 0-4), image B has that sentence once (caption
   * 5) and four sentences of its own (6-9), image C has five unrelated sentences (10-14). A model
   * that scores identical text identically gives captions 0-5 the same score against every
   * image, and here it scores the shared sentence 0.9 for both A and B.
   *
   * <p>Tie rule: a ground-truth item is ranked after every wrong item with the same score, while
   * ties among the captions of the queried image do not count against it. So image A ranks 1,
   * because B's caption 5 ties ahead of it but A's four other copies do not. Image B ranks 5,
   * because A's five copies tie with its caption 5. Each copy of the shared sentence ranks its
   * image 1, because the other image ties with it.
   */
  @Test
  void tiesWithWrongItemsRankGroundTruthLast() {
    // Columns: captions 0-4 (A), 5 (B, same text as 0-4), 6-9 (B), 10-14 (C).
    float[] imageA = {
        0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.0f, 0.0f, 0.0f, 0.0f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f};
    float[] imageB = {
        0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.4f, 0.3f, 0.2f, 0.1f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    float[] imageC = {
        0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.0f, 0.0f, 0.0f, 0.0f, 0.8f, 0.7f, 0.8f, 0.6f, 0.8f};
    float[][] scoresI2t = {imageA, imageB, imageC};
    float[][] scoresT2i = transpose(scoresI2t);
    GroundTruth groundTruth =
        GroundTruth.fromImageOfCaption(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2});

    int[] imageRanks = RetrievalMetrics.imageToTextRanks(ScoreMatrix.of(scoresI2t), groundTruth);
    int[] textRanks = RetrievalMetrics.textToImageRanks(ScoreMatrix.of(scoresT2i), groundTruth);
    Recall recall = RetrievalMetrics.compute(scoresI2t, scoresT2i, groundTruth);

    assertThat(imageRanks).as("ranks of images A, B, C").containsExactly(1, 5, 0);
    assertThat(textRanks).as("ranks of captions 0-14")
        .containsExactly(1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(recall.i2tR1()).isCloseTo(100.0 / 3.0, EXACT);
    assertThat(recall.i2tR5()).isCloseTo(200.0 / 3.0, EXACT);
    assertThat(recall.i2tR10()).isCloseTo(100.0, EXACT);
    assertThat(recall.t2iR1()).isCloseTo(60.0, EXACT);
    assertThat(recall.t2iR5()).isCloseTo(100.0, EXACT);
    assertThat(recall.t2iR10()).isCloseTo(100.0, EXACT);
  }

  /**
   * 10 images with 5 captions each, every score 0. Each caption's image ties with the 9 others
   * and is ranked after them (rank 9), and each image's captions tie with the 45 captions of
   * other images (rank 45). Random ranking would give t2i R@1 = 10 %, R@5 = 50 %, R@10 = 100 %
   * and i2t R@1 = 10 %, so the result is at chance (t2i R@10) or below it, never inflated.
   */
  @Test
  void equalScoresGiveRecallAtOrBelowChance() {
    int numImages = 10;
    int numCaptions = 50;
    int[] imageOfCaption = new int[numCaptions];
    for (int caption = 0; caption < numCaptions; caption++) {
      imageOfCaption[caption] = caption / 5;
    }
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(imageOfCaption);

    Recall recall = RetrievalMetrics.compute(
        new double[numImages][numCaptions], new double[numCaptions][numImages], groundTruth);

    assertThat(recall.t2iR1()).isCloseTo(0.0, EXACT);
    assertThat(recall.t2iR5()).isCloseTo(0.0, EXACT);
    assertThat(recall.t2iR10()).isCloseTo(100.0, EXACT);
    assertThat(recall.i2tR1()).isCloseTo(0.0, EXACT);
    assertThat(recall.i2tR5()).isCloseTo(0.0, EXACT);
    assertThat(recall.i2tR10()).isCloseTo(0.0, EXACT);
    assertThat(recall.meanRecall()).isCloseTo(100.0 / 6.0, EXACT);
  }

  @Test
  void floatAndDoubleScoresGiveSameRecall() {
    float[][] floatI2t = {{0.5f, 0.25f, -1f}, {0.125f, 0.75f, 2f}};
    double[][] doubleI2t = {{0.5, 0.25, -1}, {0.125, 0.75, 2}};
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {0, 1, 1});

    Recall fromFloat = RetrievalMetrics.compute(floatI2t, transpose(floatI2t), groundTruth);
    Recall fromDouble = RetrievalMetrics.compute(doubleI2t, transpose(doubleI2t), groundTruth);

    assertThat(fromDouble).isEqualTo(fromFloat);
  }

  @Test
  void metricMapUsesPrefixedKeysInOrder() {
    Recall recall = Recall.of(1, 2, 3, 4, 5, 6);

    Map<String, Double> metrics = recall.toMetricMap("val/");

    assertThat(metrics).containsExactly(
        Map.entry("val/i2t_r1", 1.0),
        Map.entry("val/i2t_r5", 2.0),
        Map.entry("val/i2t_r10", 3.0),
        Map.entry("val/t2i_r1", 4.0),
        Map.entry("val/t2i_r5", 5.0),
        Map.entry("val/t2i_r10", 6.0),
        Map.entry("val/mr", 3.5));
  }

  @Test
  void rejectsScoresOfWrongShape() {
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {0, 1});
    float[][] scoresI2t = {{1, 2}, {3, 4}};
    float[][] scoresT2iTooNarrow = {{1}, {2}};

    assertThatThrownBy(() -> RetrievalMetrics.compute(scoresI2t, scoresT2iTooNarrow, groundTruth))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scoresT2i has shape 2x1")
        .hasMessageContaining("2x2");
  }

  @Test
  void rejectsRaggedScores() {
    float[][] ragged = {{1, 2}, {3}};

    assertThatThrownBy(() -> ScoreMatrix.of(ragged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 has 1 values but row 0 has 2");
  }

  @Test
  void rejectsNaNScore() {
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {0, 1});
    double[][] scoresI2t = {{1, 2}, {Double.NaN, 4}};

    assertThatThrownBy(
            () -> RetrievalMetrics.imageToTextRanks(ScoreMatrix.of(scoresI2t), groundTruth))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN at row 1, column 0");
  }

  static float[][] transpose(float[][] matrix) {
    float[][] transposed = new float[matrix[0].length][matrix.length];
    for (int row = 0; row < matrix.length; row++) {
      for (int column = 0; column < matrix[0].length; column++) {
        transposed[column][row] = matrix[row][column];
      }
    }
    return transposed;
  }

  static double[][] transpose(double[][] matrix) {
    double[][] transposed = new double[matrix[0].length][matrix.length];
    for (int row = 0; row < matrix.length; row++) {
      for (int column = 0; column < matrix[0].length; column++) {
        transposed[column][row] = matrix[row][column];
      }
    }
    return transposed;
  }
}
