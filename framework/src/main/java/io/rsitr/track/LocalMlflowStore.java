package io.rsitr.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracker that writes the folder layout of MLflow 2.17's file store, so {@code mlflow ui
 * --backend-store-uri <root>} and {@code MlflowClient(tracking_uri="file:<root>")} read its runs.
 *
 * <pre>
 * root/0/meta.yaml                          the "Default" experiment MLflow expects
 * root/&lt;experiment id&gt;/meta.yaml
 * root/&lt;experiment id&gt;/&lt;run id&gt;/meta.yaml   status as an int, end_time null while running
 * .../&lt;run id&gt;/params/&lt;key&gt;                   the value, no trailing newline
 * .../&lt;run id&gt;/metrics/&lt;key&gt;                  lines "timestamp value step"
 * .../&lt;run id&gt;/tags/&lt;key&gt;
 * .../&lt;run id&gt;/artifacts/
 * </pre>
 *
 * A key with {@code /}, such as {@code train/loss}, becomes nested folders, which MLflow reads
 * back as the same key. Several processes may write to one root at once.
 */
public final class LocalMlflowStore implements Tracker {

  static final String RUN_NAME_TAG = "mlflow.runName";
  static final String PARENT_RUN_ID_TAG = "mlflow.parentRunId";
  static final String USER_TAG = "mlflow.user";
  static final String SOURCE_NAME_TAG = "mlflow.source.name";
  static final String SOURCE_TYPE_TAG = "mlflow.source.type";

  private static final Logger LOG = LoggerFactory.getLogger(LocalMlflowStore.class);
  private static final Pattern RUN_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]{0,255}");

  private final Path root;
  private final Clock clock;
  private final LocalExperiments experiments;

  /** Opens a store rooted at {@code root}, creating it with the Default experiment if new. */
  public LocalMlflowStore(Path root) {
    this(root, Clock.systemUTC());
  }

  /** Opens a store whose timestamps come from {@code clock}. */
  public LocalMlflowStore(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.clock = clock;
    this.experiments = new LocalExperiments(this.root, clock);
    try {
      experiments.initializeRoot();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to create the MLflow store root " + this.root, e);
    }
  }

  /** Returns the absolute root folder. */
  public Path root() {
    return root;
  }

  /**
   * Creates a RUNNING run. Default tags {@code mlflow.user} (the JVM's {@code user.name}),
   * {@code mlflow.source.name} ("rsitr") and {@code mlflow.source.type} ("LOCAL") are written
   * unless {@code tags} sets them. {@code mlflow.runName} and, for a child run,
   * {@code mlflow.parentRunId} are always written.
   */
  @Override
  public TrackedRun startRun(
      String experimentName, String runName, Map<String, String> tags, String parentRunId) {
    try {
      String experimentId = experiments.getOrCreate(experimentName);
      String runId = UUID.randomUUID().toString().replace("-", "");
      Path runDir = root.resolve(experimentId).resolve(runId);
      String name = runName == null || runName.isBlank() ? runId : runName;
      Map<String, String> allTags = runTags(name, tags, parentRunId);
      allTags.forEach((key, value) -> {
        MlflowNames.validateKey(key);
        MlflowNames.validateTagValue(key, value);
      });

      Files.createDirectory(runDir);
      String userId = allTags.get(USER_TAG);
      String artifactUri = FileUris.toUri(runDir.resolve(LocalRun.ARTIFACTS_FOLDER));
      MetaYaml.write(
          runDir,
          LocalRunMeta.newRun(experimentId, runId, name, artifactUri, userId, clock.millis()));
      for (String folder : new String[] {
          LocalRun.METRICS_FOLDER, LocalRun.PARAMS_FOLDER, LocalRun.TAGS_FOLDER,
          LocalRun.ARTIFACTS_FOLDER}) {
        Files.createDirectories(runDir.resolve(folder));
      }

      LocalRun run = new LocalRun(runDir, runId, experimentId, clock);
      run.setTags(allTags);
      LOG.info("Started run {} ('{}') in experiment '{}' ({}) at {}",
          runId, name, experimentName, experimentId, runDir);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to start a run in experiment '" + experimentName + "' under " + root, e);
    }
  }

  /**
   * Reopens a run of this store: its status becomes RUNNING and its end time is cleared.
   *
   * @throws IllegalArgumentException when no experiment folder contains the run
   */
  @Override
  public TrackedRun resumeRun(String runId) {
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("Invalid MLflow run id '" + runId + "'");
    }
    try {
      Path runDir = findRunDir(runId);
      Map<String, Object> changes = new HashMap<>();
      changes.put("status", LocalRunMeta.STATUS_RUNNING);
      changes.put("end_time", null);
      LocalRunMeta.update(runDir, changes);
      String experimentId = runDir.getParent().getFileName().toString();
      LOG.info("Resumed run {} in experiment {} at {}", runId, experimentId, runDir);
      return new LocalRun(runDir, runId, experimentId, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to resume run " + runId + " under " + root, e);
    }
  }

  /** Scans the experiment's run folders; a run with unreadable metadata is skipped. */
  @Override
  public List<RunInfo> findRuns(String experimentName, Map<String, String> tagEquals) {
    try {
      Optional<String> experimentId = experiments.findActiveByName(experimentName);
      if (experimentId.isEmpty()) {
        return List.of();
      }
      return LocalRunReader.findRuns(root.resolve(experimentId.get()), tagEquals);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to read the runs of experiment '" + experimentName + "' under " + root, e);
    }
  }

  @Override
  public Path downloadArtifact(String runId, String artifactPath, Path targetDir) {
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("Invalid MLflow run id '" + runId + "'");
    }
    String relativePath = ArtifactPaths.validateDir(artifactPath);
    try {
      Path source = findRunDir(runId).resolve(LocalRun.ARTIFACTS_FOLDER).resolve(relativePath);
      if (!Files.isRegularFile(source)) {
        throw new IllegalStateException(
            "Artifact '" + artifactPath + "' of run " + runId + " was not found at " + source);
      }
      Files.createDirectories(targetDir);
      Path target = targetDir.resolve(source.getFileName().toString());
      return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to copy artifact '" + artifactPath + "' of run " + runId + " into " + targetDir, e);
    }
  }

  @Override
  public String uri() {
    return FileUris.toUri(root);
  }

  /** Does nothing: every write has already reached the disk. */
  @Override
  public void close() {}

  private Map<String, String> runTags(String runName, Map<String, String> tags, String parentRunId) {
    Map<String, String> allTags = new LinkedHashMap<>();
    allTags.put(USER_TAG, System.getProperty("user.name", "unknown"));
    allTags.put(SOURCE_NAME_TAG, "rsitr");
    allTags.put(SOURCE_TYPE_TAG, "LOCAL");
    if (tags != null) {
      allTags.putAll(tags);
    }
    allTags.put(RUN_NAME_TAG, runName);
    if (parentRunId != null) {
      allTags.put(PARENT_RUN_ID_TAG, parentRunId);
    }
    return allTags;
  }

  private Path findRunDir(String runId) throws IOException {
    try (DirectoryStream<Path> experimentDirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path experimentDir : experimentDirs) {
        Path runDir = experimentDir.resolve(runId);
        if (Files.isRegularFile(runDir.resolve(MetaYaml.FILE_NAME))) {
          return runDir;
        }
      }
    }
    throw new IllegalArgumentException(
        "Run " + runId + " was not found in any experiment under " + root
            + "; check the run id and the tracking URI");
  }
}
