package io.rsitr.train;

/**
 * Linear warm-up from {@code minLr} to {@code maxLr} over the first {@code warmupSteps} steps, then a
 * half cosine from {@code maxLr} down to {@code minLr} over the remaining steps.
 *
 * <p>Step indices start at 0; step {@code warmupSteps} has {@code maxLr} and step
 * {@code totalSteps} would have {@code minLr}, so the last step ({@code totalSteps - 1}) is one
 * cosine step above it.
 */
public record LearningRateSchedule(double minLr, double maxLr, long warmupSteps, long totalSteps) {

  public LearningRateSchedule {
    if (totalSteps <= 0) {
      throw new IllegalArgumentException("total steps must be positive, got " + totalSteps);
    }
    if (warmupSteps < 0 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException("warm-up steps must lie in [0, " + totalSteps + "], got " + warmupSteps);
    }
  }

  /** Creates a schedule whose warm-up covers {@code warmupFraction} of all steps, rounded down. */
  public static LearningRateSchedule withWarmupFraction(
      double minLr, double maxLr, double warmupFraction, long totalSteps) {
    return new LearningRateSchedule(minLr, maxLr, (long) Math.floor(warmupFraction * totalSteps), totalSteps);
  }

  public double at(long step) {
    if (step < warmupSteps) {
      return minLr + (maxLr - minLr) * step / (double) warmupSteps;
    }
    long decaySteps = Math.max(1, totalSteps - warmupSteps);
    double progress = Math.min(1.0, (step - warmupSteps) / (double) decaySteps);
    return minLr + 0.5 * (maxLr - minLr) * (1 + Math.cos(Math.PI * progress));
  }
}
