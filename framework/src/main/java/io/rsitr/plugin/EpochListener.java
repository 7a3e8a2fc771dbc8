package io.rsitr.plugin;

import java.util.Map;

/**
 * Receives the validation scores after every training epoch, before the next epoch starts.
 *
 * <p>Called on the training thread. A listener may change values it feeds through a
 * {@link StepFeeder} (for example the TC loss's focusing parameters) and returns metrics to log at
 * the step where the epoch ended.
 */
public interface EpochListener {

  /** Returns metrics to log, keyed without prefix (the runtime adds {@code val/}). */
  Map<String, Double> onEpochEnd(int epoch, ValidationScores scores);

  /** Returns the listener's state for checkpoints, as plain numbers. */
  default Map<String, Double> state() {
    return Map.of();
  }

  /** Restores state saved by {@link #state()} when a run resumes. */
  default void restore(Map<String, Double> state) {}
}
