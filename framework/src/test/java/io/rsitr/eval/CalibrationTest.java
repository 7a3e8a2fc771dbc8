package io.rsitr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  /** Hand-computed values in double precision, so this only absorbs rounding. */
  private static final Offset<Double> EXACT = within(1e-12);

  @Test
  void smallestConfidenceFallsInNoBin() {
    double[] confidences = {0.9, 0.5, 0.7, 0.3};
    boolean[] correct = {true, false, false, false};

    CalibrationResult result = EqualMassBinning.calibrate(confidences, correct, 2);

    // Sorted 0.3, 0.5, 0.7, 0.9 at positions 0, 2, 4 gives boundaries 0.3, 0.7, 0.9.
    CalibrationBin low = result.bins().get(0);
    CalibrationBin high = result.bins().get(1);
    assertThat(low.lower()).isCloseTo(0.3, EXACT);
    assertThat(low.upper()).isCloseTo(0.7, EXACT);
    assertThat(low.count()).as("0.5 and 0.7 but not 0.3").isEqualTo(2);
    assertThat(low.meanConfidence()).isCloseTo(0.6, EXACT);
    assertThat(low.accuracy()).isCloseTo(0.0, EXACT);
    assertThat(low.fraction()).isCloseTo(0.5, EXACT);
    assertThat(high.upper()).isCloseTo(0.9, EXACT);
    assertThat(high.count()).isEqualTo(1);
    assertThat(high.accuracy()).isCloseTo(1.0, EXACT);
    assertThat(high.fraction()).isCloseTo(0.25, EXACT);
    assertThat(result.ece()).as("0.6 * 0.5 + 0.1 * 0.25").isCloseTo(0.325, EXACT);
    assertThat(result.meanGap()).as("(0.6 - 0.1) / 2").isCloseTo(0.25, EXACT);
  }

  @Test
  void boundariesInterpolateBetweenSortedConfidences() {
    double[] confidences = {0.9, 0.5, 0.7, 0.3};

    double[] boundaries = EqualMassBinning.boundaries(confidences, 3);

    // Positions 0, 4/3, 8/3 and 4. Position 4 is past the last index and takes the last value.
    assertThat(boundaries).hasSize(4);
    assertThat(boundaries[0]).isCloseTo(0.3, EXACT);
    assertThat(boundaries[1]).isCloseTo(0.5 + 0.2 / 3.0, EXACT);
    assertThat(boundaries[2]).isCloseTo(0.7 + 0.2 * 2.0 / 3.0, EXACT);
    assertThat(boundaries[3]).isCloseTo(0.9, EXACT);
  }

  @Test
  void emptyBinCountsAsZeroGapInMean() {
    double[] confidences = {0.2, 0.2, 0.2, 0.8};
    boolean[] correct = {true, true, true, false};

    CalibrationResult result = EqualMassBinning.calibrate(confidences, correct, 2);

    // Boundaries 0.2, 0.2, 0.8: the first bin (0.2, 0.2] is empty.
    assertThat(result.bins().get(0).count()).isZero();
    assertThat(result.bins().get(0).gap()).isCloseTo(0.0, EXACT);
    assertThat(result.bins().get(1).count()).isEqualTo(1);
    assertThat(result.ece()).as("0.8 * 0.25").isCloseTo(0.2, EXACT);
    assertThat(result.meanGap()).as("(0 + 0.8) / 2").isCloseTo(0.4, EXACT);
  }

  @Test
  void tiedMaximumPredictsFirstColumn() {
    double[][] scoresT2i = {
        {0, 0, 0},
        {2, 2, 0},
        {0, 5, 5},
    };
    // Caption 1 is correct only if the tie picks image 0, caption 2 only if it picks image 1.
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {2, 0, 1});

    CalibrationResult result = Calibration.t2i(scoresT2i, groundTruth, 1);

    CalibrationBin bin = result.bins().get(0);
    double confidence1 = 1.0 / (2.0 + Math.exp(-2.0));
    double confidence2 = 1.0 / (2.0 + Math.exp(-5.0));
    assertThat(bin.lower()).as("caption 0 has the smallest confidence, 1/3")
        .isCloseTo(1.0 / 3.0, EXACT);
    assertThat(bin.upper()).isCloseTo(confidence2, EXACT);
    assertThat(bin.count()).isEqualTo(2);
    assertThat(bin.accuracy()).isCloseTo(1.0, EXACT);
    assertThat(bin.meanConfidence()).isCloseTo((confidence1 + confidence2) / 2.0, EXACT);
  }

  @Test
  void imageIsCorrectWhenAnyOwnCaptionWins() {
    double[][] scoresI2t = {
        {0, 4, 1, 0},
        {0, 0, 0, 3},
        {9, 0, 0, 0},
    };
    // Image 0 predicts caption 1 (its own), image 1 predicts caption 3 (image 2's),
    // image 2 predicts caption 0 (image 0's).
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {0, 0, 1, 2});

    CalibrationResult result = Calibration.i2t(scoresI2t, groundTruth, 1);

    double confidence0 = Math.exp(4) / (Math.exp(4) + Math.exp(1) + 2.0);
    double confidence1 = Math.exp(3) / (Math.exp(3) + 3.0);
    double confidence2 = Math.exp(9) / (Math.exp(9) + 3.0);
    assertThat(confidence1).as("image 1 has the smallest confidence").isLessThan(confidence0);
    CalibrationBin bin = result.bins().get(0);
    assertThat(bin.count()).isEqualTo(2);
    assertThat(bin.accuracy()).as("image 0 right, image 2 wrong").isCloseTo(0.5, EXACT);
    assertThat(bin.meanConfidence()).isCloseTo((confidence0 + confidence2) / 2.0, EXACT);
  }

  @Test
  void softmaxIsStableForLargeScores() {
    double confidence = Calibration.maxSoftmaxProbability(new double[] {1000.0, 999.0, -1000.0});

    assertThat(confidence).isCloseTo(1.0 / (1.0 + Math.exp(-1.0)), EXACT);
  }

  @Test
  void rejectsNonPositiveBinCount() {
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {0, 1});

    assertThatThrownBy(() -> Calibration.t2i(new double[][] {{1, 0}, {0, 1}}, groundTruth, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numBins is 0");
  }
}
