package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMlflowStoreTest {

  @TempDir Path temp;

  private final ManualClock clock = new ManualClock(1_700_000_000_000L);

  @Test
  void newRootGetsDefaultExperimentAndTrash() throws IOException {
    Path root = temp.resolve("mlruns");

    new LocalMlflowStore(root, clock);

    Map<String, Object> meta = MetaYaml.read(root.resolve("0"));
    assertThat(meta).as("meta.yaml of experiment 0").isNotNull();
    assertThat(meta.get("experiment_id")).isEqualTo("0");
    assertThat(meta.get("name")).isEqualTo("Default");
    assertThat(meta.get("lifecycle_stage")).isEqualTo("active");
    assertThat(meta.get("artifact_location")).isEqualTo(root.resolve("0").toUri().toString()
        .replaceAll("/$", ""));
    assertThat(meta.get("creation_time")).isEqualTo(1_700_000_000_000L);
    assertThat(meta.get("last_update_time")).isEqualTo(1_700_000_000_000L);
    assertThat(root.resolve(".trash")).isDirectory();
  }

  @Test
  void experimentIdQuotedInMetaYaml() throws IOException {
    Path root = temp.resolve("mlruns");

    new LocalMlflowStore(root, clock);

    String text = Files.readString(root.resolve("0/meta.yaml"));
    assertThat(text).as("MLflow reads experiment_id as a string").contains("experiment_id: '0'");
  }

  @Test
  void startRunWritesMetaAndTags() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);

    TrackedRun run = store.startRun("rsicd-baseline", "seed-1", Map.of("rsitr.method", "clip"), null);

    Path runDir = temp.resolve(run.experimentId()).resolve(run.runId());
    Map<String, Object> meta = MetaYaml.read(runDir);
    assertThat(meta.get("run_id")).isEqualTo(run.runId());
    assertThat(meta.get("run_uuid")).isEqualTo(run.runId());
    assertThat(meta.get("run_name")).isEqualTo("seed-1");
    assertThat(meta.get("experiment_id")).isEqualTo(run.experimentId());
    assertThat(meta.get("status")).as("RUNNING is 1").isEqualTo(1);
    assertThat(meta.get("end_time")).isNull();
    assertThat(meta.get("start_time")).isEqualTo(1_700_000_000_000L);
    assertThat(meta.get("lifecycle_stage")).isEqualTo("active");
    assertThat(meta.get("source_type")).isEqualTo(4);
    assertThat(meta.get("tags")).isEqualTo(List.of());
    assertThat(meta.get("user_id")).isEqualTo(System.getProperty("user.name"));
    assertThat(meta.get("artifact_uri")).isEqualTo(FileUris.toUri(runDir.resolve("artifacts")));
    assertThat(readFile(runDir.resolve("tags/mlflow.runName"))).isEqualTo("seed-1");
    assertThat(readFile(runDir.resolve("tags/mlflow.user"))).isEqualTo(System.getProperty("user.name"));
    assertThat(readFile(runDir.resolve("tags/mlflow.source.name"))).isEqualTo("rsitr");
    assertThat(readFile(runDir.resolve("tags/rsitr.method"))).isEqualTo("clip");
    assertThat(runDir.resolve("tags/mlflow.parentRunId")).doesNotExist();
    assertThat(runDir.resolve("params")).isDirectory();
    assertThat(runDir.resolve("metrics")).isDirectory();
    assertThat(runDir.resolve("artifacts")).isDirectory();

    Map<String, Object> experimentMeta = MetaYaml.read(temp.resolve(run.experimentId()));
    assertThat(experimentMeta.get("name")).isEqualTo("rsicd-baseline");
  }

  @Test
  void childRunGetsParentTag() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    TrackedRun parent = store.startRun("ablation", "grid", Map.of(), null);

    TrackedRun child = store.startRun("ablation", "cell-1", Map.of(), parent.runId());

    assertThat(child.experimentId()).isEqualTo(parent.experimentId());
    Path childDir = temp.resolve(child.experimentId()).resolve(child.runId());
    assertThat(readFile(childDir.resolve("tags/mlflow.parentRunId"))).isEqualTo(parent.runId());
  }

  @Test
  void paramsWrittenWithoutNewline() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    TrackedRun run = store.startRun("e", "r", Map.of(), null);

    run.logParams(Map.of("optimizer/lr", "1e-4", "batch_size", "64"));

    Path params = temp.resolve(run.experimentId()).resolve(run.runId()).resolve("params");
    assertThat(readFile(params.resolve("optimizer/lr"))).isEqualTo("1e-4");
    assertThat(readFile(params.resolve("batch_size"))).isEqualTo("64");
  }

  @Test
  void changedParamRejectedBeforeWriting() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    TrackedRun run = store.startRun("e", "r", Map.of(), null);
    run.logParams(Map.of("lr", "0.1"));

    run.logParams(Map.of("lr", "0.1"));
    assertThatThrownBy(() -> run.logParams(Map.of("epochs", "10", "lr", "0.2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lr'")
        .hasMessageContaining("'0.1'")
        .hasMessageContaining("'0.2'");

    Path params = temp.resolve(run.experimentId()).resolve(run.runId()).resolve("params");
    assertThat(readFile(params.resolve("lr"))).isEqualTo("0.1");
    assertThat(params.resolve("epochs")).as("no param of a rejected batch is written").doesNotExist();
  }

  @Test
  void invalidKeysRejected() {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    TrackedRun run = store.startRun("e", "r", Map.of(), null);

    assertThatThrownBy(() -> run.logMetric("train/../loss", 1.0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run.logParams(Map.of("a*b", "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run.setTags(Map.of("", "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run.logParams(Map.of("long", "x".repeat(6001))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6000");
  }

  @Test
  void metricKeyWithSlashNestsFolders() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    TrackedRun run = store.startRun("e", "r", Map.of(), null);

    clock.set(1_700_000_001_000L);
    run.logMetric("train/loss", 0.5, 0);
    clock.set(1_700_000_002_000L);
    run.logMetrics(Map.of("train/loss", 0.25, "val/i2t_r1", 12.5), 1);

    Path metrics = temp.resolve(run.experimentId()).resolve(run.runId()).resolve("metrics");
    assertThat(Files.readAllLines(metrics.resolve("train/loss")))
        .containsExactly("1700000001000 0.5 0", "1700000002000 0.25 1");
    assertThat(Files.readAllLines(metrics.resolve("val/i2t_r1")))
        .containsExactly("1700000002000 12.5 1");
  }

  @Test
  void endWritesStatusAndResumeClearsIt() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    TrackedRun run = store.startRun("e", "r", Map.of(), null);
    Path runDir = temp.resolve(run.experimentId()).resolve(run.runId());

    clock.set(1_700_000_009_000L);
    run.end(RunStatus.FAILED);
    Map<String, Object> ended = MetaYaml.read(runDir);
    assertThat(ended.get("status")).as("FAILED is 4").isEqualTo(4);
    assertThat(ended.get("end_time")).isEqualTo(1_700_000_009_000L);

    TrackedRun resumed = new LocalMlflowStore(temp, clock).resumeRun(run.runId());
    Map<String, Object> running = MetaYaml.read(runDir);
    assertThat(resumed.experimentId()).isEqualTo(run.experimentId());
    assertThat(running.get("status")).as("RUNNING is 1").isEqualTo(1);
    assertThat(running.get("end_time")).isNull();
    assertThat(running.get("run_name")).isEqualTo("r");

    resumed.end(RunStatus.FINISHED);
    assertThat(MetaYaml.read(runDir).get("status")).as("FINISHED is 3").isEqualTo(3);
  }

  @Test
  void resumeOfUnknownRunFails() {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);

    assertThatThrownBy(() -> store.resumeRun("0123456789abcdef0123456789abcdef"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was not found");
  }

  @Test
  void artifactCopiedIntoNestedFolder() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp.resolve("mlruns"), clock);
    TrackedRun run = store.startRun("e", "r", Map.of(), null);
    Path source = Files.writeString(temp.resolve("curve.csv"), "step,loss\n0,1.0\n");

    run.logArtifact(source, "plots/train");

    Path copy = temp.resolve("mlruns").resolve(run.experimentId()).resolve(run.runId())
        .resolve("artifacts/plots/train/curve.csv");
    assertThat(copy).hasContent("step,loss\n0,1.0");
    assertThatThrownBy(() -> run.logArtifact(source, "../outside"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void existingExperimentReused() {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);

    String first = store.startRun("shared", "a", Map.of(), null).experimentId();
    String second = new LocalMlflowStore(temp, clock).startRun("shared", "b", Map.of(), null)
        .experimentId();

    assertThat(second).isEqualTo(first);
    assertThat(first).isNotEqualTo("0");
  }

  @Test
  void deletedExperimentNameRejected() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    String id = store.startRun("old", "a", Map.of(), null).experimentId();
    Files.move(temp.resolve(id), temp.resolve(".trash").resolve(id));

    assertThatThrownBy(() -> store.startRun("old", "b", Map.of(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deleted state");
  }

  @Test
  void experimentIdCollisionProbesNextId() throws IOException {
    LocalMlflowStore store = new LocalMlflowStore(temp, clock);
    String occupiedId = LocalExperiments.candidateId("wanted", 0);
    Path occupied = Files.createDirectory(temp.resolve(occupiedId));
    MetaYaml.write(occupied, Map.of("experiment_id", occupiedId, "name", "someone else"));

    String id = store.startRun("wanted", "r", Map.of(), null).experimentId();

    assertThat(id).isEqualTo(LocalExperiments.candidateId("wanted", 1));
  }

  private static String readFile(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
