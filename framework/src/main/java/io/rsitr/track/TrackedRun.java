package io.rsitr.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * One run in a tracking backend. Every metric carries a step and a wall-clock timestamp.
 *
 * <p>Implementations are thread-safe and never throw from logging calls because of a backend that
 * is temporarily unreachable: they buffer and retry, and {@link #end} reports what could not be
 * delivered.
 */
public interface TrackedRun {

  String runId();

  String experimentId();

  void logParams(Map<String, String> params);

  void setTags(Map<String, String> tags);

  void logMetric(String key, double value, long step);

  /** Logs several metrics at one step with one timestamp. */
  void logMetrics(Map<String, Double> metrics, long step);

  /**
   * Copies a file into the run's artifacts.
   *
   * @param artifactDir folder inside the run's artifact root, or empty for the root
   */
  void logArtifact(Path file, String artifactDir);

  /** Ends the run with the given status, after delivering everything buffered. */
  void end(RunStatus status);

  /**
   * Returns how many metrics, params, tags and artifact files did not reach the backend, counted
   * by {@link #end}. A store that writes through to local disk always returns 0.
   */
  default long undeliveredCount() {
    return 0;
  }
}
