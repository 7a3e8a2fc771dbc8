package io.rsitr.eval;

/**
 * Calibration-driven update of the TC loss focusing parameters γ (one per retrieval direction),
 * applied once per epoch with the mean calibration gaps of the validation split.
 *
 * <p>Each update moves γ towards {@code clamp(γ·(tanh(gap) + 1), minGamma, maxGamma)} by at
 * most {@code maxChange}. An over-confident direction (positive gap) raises γ and so strengthens
 * the focal down-weighting, and an under-confident one lowers it. When |γ| then falls below
 * {@code alpha·γ⁰}, γ jumps to {@code −alpha·γ⁰} (inverse focal). Only one direction can jump
 * per update: image → text is checked first, and text → image only when image → text did not
 * jump, as in the reference implementation.
 *
 * <p>Instances are mutable and not thread-safe.
 */
public final class GammaSchedule {

  /**
   * Settings of the schedule.
   *
   * @param initialI2t γ⁰ for image → text
   * @param initialT2i γ⁰ for text → image
   * @param minGamma lower clamp of the target
   * @param maxGamma upper clamp of the target
   * @param maxChange largest change of γ in one update, positive
   * @param alpha fraction of γ⁰ below which γ jumps to the inverse focal value, at least 0
   */
  public record Settings(
      double initialI2t,
      double initialT2i,
      double minGamma,
      double maxGamma,
      double maxChange,
      double alpha) {

    public Settings {
      requireFinite("initialI2t", initialI2t);
      requireFinite("initialT2i", initialT2i);
      requireFinite("minGamma", minGamma);
      requireFinite("maxGamma", maxGamma);
      requireFinite("maxChange", maxChange);
      requireFinite("alpha", alpha);
      if (minGamma > maxGamma) {
        throw new IllegalArgumentException(
            "minGamma " + minGamma + " is larger than maxGamma " + maxGamma);
      }
      if (maxChange <= 0) {
        throw new IllegalArgumentException(
            "maxChange is " + maxChange + ", but it must be positive");
      }
      if (alpha < 0) {
        throw new IllegalArgumentException("alpha is " + alpha + ", but it must be at least 0");
      }
    }

    /** Returns the method's defaults: γ⁰ = 2 both ways, γ in [−1, 5], max change 0.2, alpha 0.1. */
    public static Settings defaults() {
      return new Settings(2.0, 2.0, -1.0, 5.0, 0.2, 0.1);
    }
  }

  private final Settings settings;
  private double gammaI2t;
  private double gammaT2i;

  public GammaSchedule(Settings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
    this.settings = settings;
    this.gammaI2t = settings.initialI2t();
    this.gammaT2i = settings.initialT2i();
  }

  public Settings settings() {
    return settings;
  }

  public double gammaI2t() {
    return gammaI2t;
  }

  public double gammaT2i() {
    return gammaT2i;
  }

  /**
   * Updates both γ from the mean calibration gaps (mean confidence − accuracy) of the epoch.
   *
   * @throws IllegalArgumentException when a gap is NaN or infinite
   */
  public void update(double gapI2t, double gapT2i) {
    requireFinite("gapI2t", gapI2t);
    requireFinite("gapT2i", gapT2i);
    gammaI2t = step(gammaI2t, gapI2t);
    gammaT2i = step(gammaT2i, gapT2i);

    double thresholdI2t = settings.alpha() * settings.initialI2t();
    double thresholdT2i = settings.alpha() * settings.initialT2i();
    if (Math.abs(gammaI2t) < thresholdI2t) {
      gammaI2t = -thresholdI2t;
    } else if (Math.abs(gammaT2i) < thresholdT2i) {
      gammaT2i = -thresholdT2i;
    }
  }

  private double step(double gamma, double gap) {
    double target = clamp(gamma * (Math.tanh(gap) + 1.0), settings.minGamma(), settings.maxGamma());
    double change = clamp(target - gamma, -settings.maxChange(), settings.maxChange());
    return gamma + change;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          name + " is " + value + ", but it must be a finite number");
    }
  }
}
