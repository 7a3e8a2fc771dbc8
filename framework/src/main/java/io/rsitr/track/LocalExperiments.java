package io.rsitr.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and creates experiments in an MLflow file store root.
 *
 * <p>Creation is safe across processes: every writer derives the same candidate experiment id
 * from the name and claims it with an atomic {@code mkdir}. The process that loses the race waits
 * for the winner's {@code meta.yaml} and uses that experiment. MLflow's own client picks random
 * ids instead, so a Python process creating the same name at the same moment can still produce a
 * second experiment of that name.
 */
final class LocalExperiments {

  static final String DEFAULT_EXPERIMENT_ID = "0";
  static final String DEFAULT_EXPERIMENT_NAME = "Default";
  static final String TRASH_FOLDER = ".trash";

  private static final Logger LOG = LoggerFactory.getLogger(LocalExperiments.class);
  private static final long EXPERIMENT_ID_MODULUS = 1_000_000_000_000_000_000L;
  private static final int MAX_ID_CANDIDATES = 100;
  private static final long META_WAIT_MILLIS = 10_000;

  private final Path root;
  private final Clock clock;

  LocalExperiments(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
  }

  /**
   * Creates the root, its {@code .trash} folder and the "Default" experiment 0 where they are
   * missing. MLflow's file store creates the same three when it opens a new root.
   */
  void initializeRoot() throws IOException {
    Files.createDirectories(root);
    Files.createDirectories(root.resolve(TRASH_FOLDER));
    if (Files.exists(root.resolve(DEFAULT_EXPERIMENT_ID))
        || Files.exists(root.resolve(TRASH_FOLDER).resolve(DEFAULT_EXPERIMENT_ID))) {
      return;
    }
    try {
      Path dir = Files.createDirectory(root.resolve(DEFAULT_EXPERIMENT_ID));
      writeExperimentMeta(dir, DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME);
    } catch (FileAlreadyExistsException e) {
      LOG.debug("Default experiment was created by another process in {}", root);
    }
  }

  /** Returns the id of the active experiment with this name, creating the experiment if needed. */
  String getOrCreate(String name) throws IOException {
    MlflowNames.validateExperimentName(name);
    initializeRoot();

    Optional<String> existing = findActiveByName(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (findByName(root.resolve(TRASH_FOLDER), name).isPresent()) {
      throw new IllegalStateException(
          "MLflow experiment '" + name + "' exists in deleted state under "
              + root.resolve(TRASH_FOLDER) + "; restore it, delete it permanently from that "
              + "folder, or choose another experiment name");
    }

    for (int attempt = 0; attempt < MAX_ID_CANDIDATES; attempt++) {
      String id = candidateId(name, attempt);
      if (Files.exists(root.resolve(TRASH_FOLDER).resolve(id))) {
        continue;
      }
      Path dir = root.resolve(id);
      try {
        Files.createDirectory(dir);
        writeExperimentMeta(dir, id, name);
        LOG.info("Created MLflow experiment '{}' with id {} in {}", name, id, root);
        return id;
      } catch (FileAlreadyExistsException e) {
        if (name.equals(awaitExperimentName(dir, id, name))) {
          LOG.debug("Experiment '{}' was created by another process with id {}", name, id);
          return id;
        }
      }
    }
    throw new IllegalStateException(
        "Could not create MLflow experiment '" + name + "' in " + root + ": all "
            + MAX_ID_CANDIDATES + " candidate ids are taken by other experiments");
  }

  /** Returns the id of the active experiment with this name, if there is one. */
  Optional<String> findActiveByName(String name) throws IOException {
    return findByName(root, name);
  }

  private Optional<String> findByName(Path parent, String name) throws IOException {
    if (!Files.isDirectory(parent)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, Files::isDirectory)) {
      for (Path dir : dirs) {
        Map<String, Object> meta = readMetaQuietly(dir);
        if (meta != null && name.equals(meta.get("name"))) {
          return Optional.of(String.valueOf(meta.get("experiment_id")));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Waits for the process that created {@code dir} to write its {@code meta.yaml} and returns
   * the experiment name in it. When no file appears in time because its creator crashed, this process
   * writes the metadata itself for {@code name}.
   */
  private String awaitExperimentName(Path dir, String id, String name) throws IOException {
    long deadline = System.nanoTime() + META_WAIT_MILLIS * 1_000_000;
    while (System.nanoTime() - deadline < 0) {
      Map<String, Object> meta = readMetaQuietly(dir);
      if (meta != null) {
        return String.valueOf(meta.get("name"));
      }
      sleepBriefly();
    }
    LOG.warn(
        "Experiment folder {} has had no {} for {} ms; writing it for experiment '{}'",
        dir, MetaYaml.FILE_NAME, META_WAIT_MILLIS, name);
    writeExperimentMeta(dir, id, name);
    return name;
  }

  private Map<String, Object> readMetaQuietly(Path dir) {
    try {
      return MetaYaml.read(dir);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Skipping folder {} with unreadable {}: {}", dir, MetaYaml.FILE_NAME, e.toString());
      return null;
    }
  }

  private void writeExperimentMeta(Path dir, String id, String name) throws IOException {
    long now = clock.millis();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("artifact_location", FileUris.toUri(dir));
    meta.put("creation_time", now);
    meta.put("experiment_id", id);
    meta.put("last_update_time", now);
    meta.put("lifecycle_stage", "active");
    meta.put("name", name);
    MetaYaml.write(dir, meta);
  }

  /**
   * Derives the experiment id that every process tries first for this name: up to 18 decimal
   * digits taken from the SHA-256 of the name, like the random ids of MLflow's file store.
   */
  static String candidateId(String name, int attempt) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      long base = (value & Long.MAX_VALUE) % EXPERIMENT_ID_MODULUS;
      long id = (base + attempt) % EXPERIMENT_ID_MODULUS;
      return Long.toString(id == 0 ? 1 : id);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for an experiment's metadata", e);
    }
  }
}
