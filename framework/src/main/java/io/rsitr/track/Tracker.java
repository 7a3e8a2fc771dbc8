package io.rsitr.track;

import java.nio.file.Path;
import java.util.List;
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

  /**
   * Returns the active runs of the named experiment whose tags contain every entry of
   * {@code tagEquals}, newest first. An experiment that does not exist has no runs.
   */
  List<RunInfo> findRuns(String experimentName, Map<String, String> tagEquals);

  /**
   * Copies one artifact file of a run into {@code targetDir} and returns the local copy.
   *
   * @param artifactPath path inside the run's artifact root, for example {@code test_ranks.json}
   * @throws IllegalStateException when the artifact cannot be read
   */
  Path downloadArtifact(String runId, String artifactPath, Path targetDir);

  /**
   * Checks that the backend accepts runs now, so a run fails before training instead of after.
   *
   * @throws IllegalStateException naming the backend and what to do
   */
  default void checkAvailable() {}

  /** Returns a description of where runs go, for example {@code file:./mlruns}. */
  String uri();

  @Override
  void close();
}
