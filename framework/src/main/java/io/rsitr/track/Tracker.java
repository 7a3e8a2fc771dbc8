package io.rsitr.track;

import java.util.Map;

/**
 * A tracking backend: the MLflow-compatible local store or an MLflow tracking server over REST.
 *
 * <p>Implementations are thread-safe. A tracker is created once per CLI invocation and closed at
 * the end; runs it starts must be ended before.
 */
public interface Tracker extends AutoCloseable {

  /**
   * Starts a run in the named experiment, creating the experiment on first use.
   *
   * @param parentRunId the parent of a child run (an ablation cell), or {@code null}
   */
  TrackedRun startRun(String experimentName, String runName, Map<String, String> tags, String parentRunId);

  /** Reopens an existing run to continue it (resume); the run's status becomes RUNNING again. */
  TrackedRun resumeRun(String runId);

  /** Returns a description of where runs go, for example {@code file:./mlruns}. */
  String uri();

  @Override
  void close();
}
