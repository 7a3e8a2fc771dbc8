package io.rsitr.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run {@code meta.yaml} of the MLflow 2.17 file store, with status stored as an int. */
final class LocalRunMeta {

  /** MLflow's {@code RunStatus.RUNNING}. */
  static final int STATUS_RUNNING = 1;

  // MLflow's SourceType.LOCAL, which its file store writes for every run.
  private static final int SOURCE_TYPE_LOCAL = 4;

  private LocalRunMeta() {}

  /** Returns the metadata of a new RUNNING run. */
  static Map<String, Object> newRun(
      String experimentId, String runId, String runName, String artifactUri, String userId,
      long startTime) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("artifact_uri", artifactUri);
    meta.put("end_time", null);
    meta.put("entry_point_name", "");
    meta.put("experiment_id", experimentId);
    meta.put("lifecycle_stage", "active");
    meta.put("run_id", runId);
    meta.put("run_name", runName);
    meta.put("run_uuid", runId);
    meta.put("source_name", "");
    meta.put("source_type", SOURCE_TYPE_LOCAL);
    meta.put("source_version", "");
    meta.put("start_time", startTime);
    meta.put("status", STATUS_RUNNING);
    // MLflow keeps writing an empty list here for readers older than 1.0.
    meta.put("tags", List.of());
    meta.put("user_id", userId);
    return meta;
  }

  /** Returns MLflow's integer code of a terminal status. */
  static int statusCode(RunStatus status) {
    return switch (status) {
      case FINISHED -> 3;
      case FAILED -> 4;
      case KILLED -> 5;
    };
  }

  /** Rewrites selected fields of a run's {@code meta.yaml}, keeping the others. */
  static void update(Path runDir, Map<String, Object> changes) throws IOException {
    Map<String, Object> meta = MetaYaml.read(runDir);
    if (meta == null) {
      throw new IOException("Run metadata " + runDir.resolve(MetaYaml.FILE_NAME) + " is missing");
    }
    meta.putAll(changes);
    MetaYaml.write(runDir, meta);
  }
}
