package io.rsitr.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run in an MLflow file store folder. Every call writes through to disk at once, so there is
 * nothing to buffer and nothing to lose on a crash except the final status.
 */
final class LocalRun implements TrackedRun {

  static final String PARAMS_FOLDER = "params";
  static final String METRICS_FOLDER = "metrics";
  static final String TAGS_FOLDER = "tags";
  static final String ARTIFACTS_FOLDER = "artifacts";

  private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

  private final Path runDir;
  private final String runId;
  private final String experimentId;
  private final Clock clock;
  private boolean ended;

  LocalRun(Path runDir, String runId, String experimentId, Clock clock) {
    this.runDir = runDir;
    this.runId = runId;
    this.experimentId = experimentId;
    this.clock = clock;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String experimentId() {
    return experimentId;
  }

  /**
   * Writes params. MLflow params are immutable, so logging a key again with the same value is a
   * no-op and with a different value is rejected before anything is written.
   *
   * @throws IllegalArgumentException for an invalid key or value, or a changed value
   */
  @Override
  public synchronized void logParams(Map<String, String> params) {
    try {
      for (Map.Entry<String, String> param : params.entrySet()) {
        MlflowNames.validateKey(param.getKey());
        MlflowNames.validateParamValue(param.getKey(), param.getValue());
        rejectChangedParam(param.getKey(), param.getValue());
      }
      for (Map.Entry<String, String> param : params.entrySet()) {
        writeKeyFile(PARAMS_FOLDER, param.getKey(), param.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write params of run " + runId + " in " + runDir, e);
    }
  }

  @Override
  public synchronized void setTags(Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      MlflowNames.validateKey(tag.getKey());
      MlflowNames.validateTagValue(tag.getKey(), tag.getValue());
    }
    try {
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        writeKeyFile(TAGS_FOLDER, tag.getKey(), tag.getValue());
      }
      String runName = tags.get(LocalMlflowStore.RUN_NAME_TAG);
      if (runName != null) {
        // MLflow keeps meta.yaml's run_name equal to the mlflow.runName tag.
        LocalRunMeta.update(runDir, Map.of("run_name", runName));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write tags of run " + runId + " in " + runDir, e);
    }
  }

  @Override
  public void logMetric(String key, double value, long step) {
    logMetrics(Map.of(key, value), step);
  }

  @Override
  public synchronized void logMetrics(Map<String, Double> metrics, long step) {
    for (Map.Entry<String, Double> metric : metrics.entrySet()) {
      MlflowNames.validateKey(metric.getKey());
      if (metric.getValue() == null) {
        throw new IllegalArgumentException("Metric '" + metric.getKey() + "' has a null value");
      }
    }
    long timestamp = clock.millis();
    try {
      for (Map.Entry<String, Double> metric : metrics.entrySet()) {
        Path file = runDir.resolve(METRICS_FOLDER).resolve(metric.getKey());
        Files.createDirectories(file.getParent());
        AtomicFiles.appendLine(file, timestamp + " " + metric.getValue() + " " + step);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write metrics of run " + runId + " in " + runDir, e);
    }
  }

  /**
   * Copies a regular file to {@code artifacts/<artifactDir>/<file name>}, replacing an earlier
   * copy of the same name.
   *
   * @throws IllegalArgumentException when the file is not a regular file or the folder leaves
   *     the artifact root
   */
  @Override
  public void logArtifact(Path file, String artifactDir) {
    String relativeDir = ArtifactPaths.validateDir(artifactDir);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Artifact " + file + " of run " + runId + " is not a regular file");
    }
    Path targetDir = runDir.resolve(ARTIFACTS_FOLDER).resolve(relativeDir);
    try {
      Files.createDirectories(targetDir);
      Files.copy(file, targetDir.resolve(file.getFileName().toString()),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to copy artifact " + file + " into " + targetDir + " for run " + runId, e);
    }
  }

  @Override
  public synchronized void end(RunStatus status) {
    if (ended) {
      LOG.warn("Run {} was already ended; ignoring the second end with status {}", runId, status);
      return;
    }
    Map<String, Object> changes = new HashMap<>();
    changes.put("status", LocalRunMeta.statusCode(status));
    changes.put("end_time", clock.millis());
    try {
      LocalRunMeta.update(runDir, changes);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to end run " + runId + " in " + runDir, e);
    }
    ended = true;
    LOG.info("Ended run {} with status {}", runId, status);
  }

  private void rejectChangedParam(String key, String value) throws IOException {
    Path file = runDir.resolve(PARAMS_FOLDER).resolve(key);
    if (!Files.isRegularFile(file)) {
      return;
    }
    String current = Files.readString(file, StandardCharsets.UTF_8);
    if (!current.equals(value)) {
      throw new IllegalArgumentException(
          "Param '" + key + "' of run " + runId + " was already logged with value '" + current
              + "' and cannot change to '" + value + "' because MLflow params are immutable; "
              + "log the new value under another key or start a new run");
    }
  }

  private void writeKeyFile(String folder, String key, String value) throws IOException {
    Path file = runDir.resolve(folder).resolve(key);
    Files.createDirectories(file.getParent());
    AtomicFiles.writeString(file, value, runDir);
  }
}
