package io.rsitr.track;

import java.time.Duration;

/**
 * Timing and size limits of {@link RestMlflowTracker}'s delivery to the server.
 *
 * @param flushInterval how often buffered metrics, params and tags are sent
 * @param batchSize number of buffered metrics that triggers a send before the interval ends;
 *     at most 1000, MLflow's limit of metrics per {@code log-batch} request
 * @param maxBufferedMetrics metrics kept while the server is unreachable; further metrics are
 *     dropped and counted as undelivered
 * @param endTimeout how long {@link TrackedRun#end} waits for the buffer to drain
 * @param artifactAttempts upload attempts per artifact file
 * @param artifactBackoff wait before the second upload attempt, doubled before each later one
 * @param requestTimeout limit of one reachability check or artifact request
 */
public record RestDeliverySettings(
    Duration flushInterval,
    int batchSize,
    int maxBufferedMetrics,
    Duration endTimeout,
    int artifactAttempts,
    Duration artifactBackoff,
    Duration requestTimeout) {

  /** MLflow's maximum number of metrics in one {@code log-batch} request (MLflow 2.17). */
  public static final int MAX_METRICS_PER_BATCH = 1000;

  public RestDeliverySettings {
    if (batchSize < 1 || batchSize > MAX_METRICS_PER_BATCH) {
      throw new IllegalArgumentException(
          "Invalid batchSize " + batchSize + ": expected 1 to " + MAX_METRICS_PER_BATCH);
    }
    if (maxBufferedMetrics < batchSize) {
      throw new IllegalArgumentException("Invalid maxBufferedMetrics " + maxBufferedMetrics
          + ": expected at least batchSize (" + batchSize + ")");
    }
    if (artifactAttempts < 1) {
      throw new IllegalArgumentException(
          "Invalid artifactAttempts " + artifactAttempts + ": expected at least 1");
    }
  }

  /**
   * Returns the defaults: send every 2 s or at 100 metrics, buffer up to 200,000 metrics during
   * an outage, wait up to 60 s at the end, try each artifact 3 times starting with a 1 s wait,
   * and give each request 30 s.
   */
  public static RestDeliverySettings defaults() {
    return new RestDeliverySettings(
        Duration.ofSeconds(2), 100, 200_000, Duration.ofSeconds(60), 3, Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }
}
