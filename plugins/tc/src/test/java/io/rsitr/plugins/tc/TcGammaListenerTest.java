package io.rsitr.plugins.tc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.eval.Calibration;
import io.rsitr.eval.GammaSchedule;
import io.rsitr.eval.GroundTruth;
import io.rsitr.plugin.ValidationScores;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The listener runs the same double arithmetic as a {@link GammaSchedule} fed with
 * {@link Calibration}'s gaps, so γ values are compared exactly.
 */
class TcGammaListenerTest {

  private static final int NUM_BINS = 15;

  @Test
  void oneUpdateMatchesGammaSchedule() {
    ValidationScores scores = SyntheticValidation.scores(1, true, false);
    TcGammaListener listener = new TcGammaListener(GammaSchedule.Settings.defaults(), NUM_BINS, true);

    Map<String, Double> metrics = listener.onEpochEnd(1, scores);

    double gapI2t = gapI2t(scores);
    double gapT2i = gapT2i(scores);
    GammaSchedule expected = new GammaSchedule(GammaSchedule.Settings.defaults());
    expected.update(gapI2t, gapT2i);
    assertThat(gapI2t).as("i2t gap of over-confident scores").isPositive();
    assertThat(gapT2i).as("t2i gap of under-confident scores").isNegative();
    assertThat(listener.gammaI2t()).isEqualTo(expected.gammaI2t()).isGreaterThan(2.0);
    assertThat(listener.gammaT2i()).isEqualTo(expected.gammaT2i()).isLessThan(2.0);
    assertThat(metrics).containsOnlyKeys("gamma_i2t", "gamma_t2i", "tc_gap_i2t", "tc_gap_t2i");
    assertThat(metrics.get("gamma_i2t")).isEqualTo(expected.gammaI2t());
    assertThat(metrics.get("gamma_t2i")).isEqualTo(expected.gammaT2i());
    assertThat(metrics.get("tc_gap_i2t")).isEqualTo(gapI2t);
    assertThat(metrics.get("tc_gap_t2i")).isEqualTo(gapT2i);
  }

  /**
   * With a large maximum change and a flip threshold of 0.9, one under-confident epoch takes
   * both γ below the threshold, but only image → text flips in that update.
   */
  @Test
  void repeatedUpdatesMatchGammaScheduleThroughFlip() {
    GammaSchedule.Settings settings = new GammaSchedule.Settings(2.0, 2.0, -1.0, 5.0, 2.0, 0.45);
    TcGammaListener listener = new TcGammaListener(settings, NUM_BINS, true);
    GammaSchedule expected = new GammaSchedule(settings);

    for (int epoch = 1; epoch <= 3; epoch++) {
      ValidationScores scores = SyntheticValidation.scores(10 + epoch, false, false);
      listener.onEpochEnd(epoch, scores);
      expected.update(gapI2t(scores), gapT2i(scores));

      assertThat(listener.gammaI2t()).as("gamma i2t after epoch %d", epoch).isEqualTo(expected.gammaI2t());
      assertThat(listener.gammaT2i()).as("gamma t2i after epoch %d", epoch).isEqualTo(expected.gammaT2i());
      if (epoch == 1) {
        assertThat(listener.gammaI2t()).as("flipped gamma i2t after epoch 1").isEqualTo(-0.9);
        assertThat(listener.gammaT2i()).as("unflipped gamma t2i after epoch 1").isBetween(0.0, 0.9);
      }
    }
  }

  @Test
  void fixedGammaOnlyReportsGaps() {
    ValidationScores scores = SyntheticValidation.scores(2, true, false);
    TcGammaListener listener = new TcGammaListener(GammaSchedule.Settings.defaults(), NUM_BINS, false);

    Map<String, Double> metrics = listener.onEpochEnd(1, scores);

    assertThat(listener.gammaI2t()).isEqualTo(2.0);
    assertThat(listener.gammaT2i()).isEqualTo(2.0);
    assertThat(metrics.get("gamma_i2t")).isEqualTo(2.0);
    assertThat(metrics.get("tc_gap_i2t")).isEqualTo(gapI2t(scores));
    assertThat(metrics.get("tc_gap_t2i")).isEqualTo(gapT2i(scores));
  }

  @Test
  void stateRestoreRoundTripContinuesUpdates() {
    TcGammaListener original = new TcGammaListener(GammaSchedule.Settings.defaults(), NUM_BINS, true);
    for (int epoch = 1; epoch <= 3; epoch++) {
      original.onEpochEnd(epoch, SyntheticValidation.scores(20 + epoch, true, false));
    }
    Map<String, Double> state = original.state();

    TcGammaListener resumed = new TcGammaListener(GammaSchedule.Settings.defaults(), NUM_BINS, true);
    resumed.restore(state);

    assertThat(state.get(TcGammaListener.STATE_GAMMA_I2T)).isEqualTo(original.gammaI2t());
    assertThat(state.get(TcGammaListener.STATE_GAMMA_T2I)).isEqualTo(original.gammaT2i());
    assertThat(resumed.gammaI2t()).isEqualTo(original.gammaI2t()).isNotEqualTo(2.0);
    assertThat(resumed.gammaT2i()).isEqualTo(original.gammaT2i()).isNotEqualTo(2.0);
    assertThat(resumed.state()).isEqualTo(state);

    ValidationScores next = SyntheticValidation.scores(30, false, true);
    original.onEpochEnd(4, next);
    resumed.onEpochEnd(4, next);
    assertThat(resumed.gammaI2t()).as("gamma i2t one epoch after resuming").isEqualTo(original.gammaI2t());
    assertThat(resumed.gammaT2i()).as("gamma t2i one epoch after resuming").isEqualTo(original.gammaT2i());
  }

  @Test
  void restoreRejectsOtherGammaSettings() {
    TcGammaListener original = new TcGammaListener(GammaSchedule.Settings.defaults(), NUM_BINS, true);
    original.onEpochEnd(1, SyntheticValidation.scores(3, true, false));
    GammaSchedule.Settings otherStart = new GammaSchedule.Settings(3.0, 2.0, -1.0, 5.0, 0.2, 0.1);
    TcGammaListener resumed = new TcGammaListener(otherStart, NUM_BINS, true);

    assertThatThrownBy(() -> resumed.restore(original.state()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replaying its gaps")
        .hasMessageContaining("gamma_*");
  }

  @Test
  void restoreRejectsStateWithoutGamma() {
    TcGammaListener listener = new TcGammaListener(GammaSchedule.Settings.defaults(), NUM_BINS, true);

    assertThatThrownBy(() -> listener.restore(Map.of("other.value", 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tc.gamma_i2t'");
  }

  private static double gapI2t(ValidationScores scores) {
    return Calibration.i2t(scores.scoresI2t(), groundTruth(scores), NUM_BINS).meanGap();
  }

  private static double gapT2i(ValidationScores scores) {
    return Calibration.t2i(scores.scoresT2i(), groundTruth(scores), NUM_BINS).meanGap();
  }

  private static GroundTruth groundTruth(ValidationScores scores) {
    return new GroundTruth(scores.captionsOfImage(), scores.imageOfCaption());
  }
}
