package io.rsitr.track;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A run found in a tracking backend by {@link Tracker#findRuns}.
 *
 * @param status MLflow's status name: RUNNING, SCHEDULED, FINISHED, FAILED or KILLED
 * @param startTime start of the run in milliseconds since the epoch
 * @param metrics the latest value of each metric (highest step, then latest timestamp)
 */
public record RunInfo(
    String runId,
    String experimentId,
    String status,
    long startTime,
    Map<String, String> tags,
    Map<String, Double> metrics) {

  public static final String FINISHED = "FINISHED";

  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public boolean isFinished() {
    return FINISHED.equals(status);
  }
}
