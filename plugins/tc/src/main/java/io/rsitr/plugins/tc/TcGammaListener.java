package io.rsitr.plugins.tc;

import io.rsitr.eval.Calibration;
import io.rsitr.eval.CalibrationResult;
import io.rsitr.eval.GammaSchedule;
import io.rsitr.eval.GroundTruth;
import io.rsitr.plugin.EpochListener;
import io.rsitr.plugin.ValidationScores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates the TC loss's focusing parameters γ once per epoch from the calibration of the
 * validation scores, and keeps them across a resumed run.
 *
 * <p>Each direction's mean calibration gap (mean confidence − accuracy over equal-mass bins)
 * goes into a {@link GammaSchedule}. With {@code updateGamma} false, γ stays at its initial
 * values and the gaps are only reported. Not thread-safe: the trainer calls it on its own thread.
 */
final class TcGammaListener implements EpochListener {

  static final String STATE_GAMMA_I2T = "tc.gamma_i2t";
  static final String STATE_GAMMA_T2I = "tc.gamma_t2i";
  static final String STATE_UPDATES = "tc.gamma_updates";
  static final String STATE_GAP_I2T_PREFIX = "tc.gap_i2t.";
  static final String STATE_GAP_T2I_PREFIX = "tc.gap_t2i.";

  private static final Logger LOG = LoggerFactory.getLogger(TcGammaListener.class);

  /** Largest difference between a replayed and a saved γ that still counts as the same value. */
  private static final double RESTORE_TOLERANCE = 1e-9;

  private final GammaSchedule.Settings settings;
  private final int numBins;
  private final boolean updateGamma;
  private final List<double[]> appliedGaps = new ArrayList<>();
  private GammaSchedule schedule;

  /**
   * @param settings initial γ values and the limits of each update
   * @param numBins number of equal-mass calibration bins, at least 1
   * @param updateGamma whether epochs change γ, or only report the gaps
   */
  TcGammaListener(GammaSchedule.Settings settings, int numBins, boolean updateGamma) {
    if (numBins < 1) {
      throw new IllegalArgumentException("numBins is " + numBins + ", but it must be at least 1");
    }
    this.settings = settings;
    this.numBins = numBins;
    this.updateGamma = updateGamma;
    this.schedule = new GammaSchedule(settings);
  }

  double gammaI2t() {
    return schedule.gammaI2t();
  }

  double gammaT2i() {
    return schedule.gammaT2i();
  }

  /**
   * Computes both directions' calibration gaps, updates γ with them unless updates are off, and
   * returns the current γ and the gaps.
   */
  @Override
  public Map<String, Double> onEpochEnd(int epoch, ValidationScores scores) {
    GroundTruth groundTruth = new GroundTruth(scores.captionsOfImage(), scores.imageOfCaption());
    CalibrationResult calibrationI2t = Calibration.i2t(scores.scoresI2t(), groundTruth, numBins);
    CalibrationResult calibrationT2i = Calibration.t2i(scores.scoresT2i(), groundTruth, numBins);
    double gapI2t = calibrationI2t.meanGap();
    double gapT2i = calibrationT2i.meanGap();

    if (updateGamma) {
      double previousI2t = schedule.gammaI2t();
      double previousT2i = schedule.gammaT2i();
      schedule.update(gapI2t, gapT2i);
      appliedGaps.add(new double[] {gapI2t, gapT2i});
      LOG.debug("epoch {}: gaps i2t {} t2i {} moved gamma i2t {} -> {}, t2i {} -> {}", epoch, gapI2t,
          gapT2i, previousI2t, schedule.gammaI2t(), previousT2i, schedule.gammaT2i());
    }

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("gamma_i2t", schedule.gammaI2t());
    metrics.put("gamma_t2i", schedule.gammaT2i());
    metrics.put("tc_gap_i2t", gapI2t);
    metrics.put("tc_gap_t2i", gapT2i);
    return metrics;
  }

  /**
   * Returns both γ values and every gap applied so far.
   *
   * <p>{@link GammaSchedule} offers no way to set γ directly, and its flip threshold depends on
   * the initial γ. So {@link #restore} rebuilds the schedule by replaying the saved gaps, and
   * then checks the result against the saved γ values.
   */
  @Override
  public Map<String, Double> state() {
    Map<String, Double> state = new HashMap<>();
    state.put(STATE_GAMMA_I2T, schedule.gammaI2t());
    state.put(STATE_GAMMA_T2I, schedule.gammaT2i());
    state.put(STATE_UPDATES, (double) appliedGaps.size());
    for (int update = 0; update < appliedGaps.size(); update++) {
      state.put(STATE_GAP_I2T_PREFIX + update, appliedGaps.get(update)[0]);
      state.put(STATE_GAP_T2I_PREFIX + update, appliedGaps.get(update)[1]);
    }
    return state;
  }

  /**
   * Restores γ saved by {@link #state()}.
   *
   * @throws IllegalArgumentException when a key is missing, or when the replayed γ differ from
   *     the saved ones because the run resumes with other γ settings than it saved
   */
  @Override
  public void restore(Map<String, Double> state) {
    double savedI2t = require(state, STATE_GAMMA_I2T);
    double savedT2i = require(state, STATE_GAMMA_T2I);
    int updates = (int) require(state, STATE_UPDATES);

    GammaSchedule replayed = new GammaSchedule(settings);
    List<double[]> replayedGaps = new ArrayList<>();
    for (int update = 0; update < updates; update++) {
      double gapI2t = require(state, STATE_GAP_I2T_PREFIX + update);
      double gapT2i = require(state, STATE_GAP_T2I_PREFIX + update);
      replayed.update(gapI2t, gapT2i);
      replayedGaps.add(new double[] {gapI2t, gapT2i});
    }
    checkReplay(replayed, savedI2t, savedT2i);

    schedule = replayed;
    appliedGaps.clear();
    appliedGaps.addAll(replayedGaps);
    LOG.info("restored TC gamma i2t {} and t2i {} after {} updates", savedI2t, savedT2i, updates);
  }

  private static void checkReplay(GammaSchedule replayed, double savedI2t, double savedT2i) {
    boolean sameI2t = Math.abs(replayed.gammaI2t() - savedI2t) <= RESTORE_TOLERANCE;
    boolean sameT2i = Math.abs(replayed.gammaT2i() - savedT2i) <= RESTORE_TOLERANCE;
    if (!sameI2t || !sameT2i) {
      throw new IllegalArgumentException("the checkpoint saved gamma i2t " + savedI2t + " and t2i "
          + savedT2i + ", but replaying its gaps with the current tc settings gives "
          + replayed.gammaI2t() + " and " + replayed.gammaT2i()
          + "; resume with the gamma_* parameters the run started with");
    }
  }

  private static double require(Map<String, Double> state, String key) {
    Double value = state.get(key);
    if (value == null) {
      throw new IllegalArgumentException("checkpoint state has no '" + key
          + "'; it was not saved by a run with the tc loss, so start a new run instead of resuming");
    }
    return value;
  }
}
