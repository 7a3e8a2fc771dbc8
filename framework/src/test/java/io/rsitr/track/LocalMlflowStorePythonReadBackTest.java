package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads runs written by {@link LocalMlflowStore} back through MLflow's Python client. */
class LocalMlflowStorePythonReadBackTest {

  private static final long START = 1_700_000_000_000L;

  @TempDir Path temp;

  @Test
  void mlflowReadsEverythingBack() throws Exception {
    MlflowPython.requirePython();
    Path root = temp.resolve("mlruns");
    ManualClock clock = new ManualClock(START);
    LocalMlflowStore store = new LocalMlflowStore(root, clock);

    TrackedRun parent = store.startRun("readback", "grid", Map.of(), null);
    TrackedRun run = store.startRun("readback", "cell", Map.of("rsitr.method", "clip"),
        parent.runId());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("lr", "0.0001");
    params.put("optimizer/name", "adamw");
    params.put("text encoder", "bert-base: uncased");
    run.logParams(params);
    run.setTags(Map.of("rsitr.seed", "7"));
    for (int step = 0; step < 10; step++) {
      clock.set(START + 1_000L * (step + 1));
      run.logMetric("train/loss", lossAt(step), step);
    }
    Path source = temp.resolve("source");
    Files.createDirectories(source);
    Files.writeString(source.resolve("config.yaml"), "epochs: 10\n");
    byte[] weights = new byte[4096];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) i;
    }
    Files.write(source.resolve("weights.bin"), weights);
    run.logArtifact(source.resolve("config.yaml"), "");
    run.logArtifact(source.resolve("weights.bin"), "checkpoints/epoch-9");
    clock.set(START + 60_000);
    run.end(RunStatus.FINISHED);

    JsonNode read = MlflowPython.readRun(
        "file:" + root, run.runId(), "train/loss", Files.createDirectories(temp.resolve("py")));

    assertThat(read.get("status").asText()).isEqualTo("FINISHED");
    assertThat(read.get("run_name").asText()).isEqualTo("cell");
    assertThat(read.get("experiment_id").asText()).isEqualTo(run.experimentId());
    assertThat(read.get("experiment_name").asText()).isEqualTo("readback");
    assertThat(read.get("start_time").asLong()).isEqualTo(START);
    assertThat(read.get("end_time").asLong()).isEqualTo(START + 60_000);
    assertThat(toMap(read.get("params"))).isEqualTo(params);

    Map<String, String> tags = toMap(read.get("tags"));
    assertThat(tags).containsEntry("mlflow.runName", "cell");
    assertThat(tags).containsEntry("mlflow.parentRunId", parent.runId());
    assertThat(tags).containsEntry("mlflow.user", System.getProperty("user.name"));
    assertThat(tags).containsEntry("mlflow.source.name", "rsitr");
    assertThat(tags).containsEntry("rsitr.method", "clip");
    assertThat(tags).containsEntry("rsitr.seed", "7");

    assertThat(read.get("metric_keys").get(0).asText()).isEqualTo("train/loss");
    JsonNode history = read.get("history");
    assertThat(history.size()).as("points in the train/loss history").isEqualTo(10);
    for (int step = 0; step < 10; step++) {
      JsonNode point = history.get(step);
      assertThat(point.get("step").asLong()).as("step of point %d", step).isEqualTo(step);
      assertThat(point.get("value").asDouble()).as("value at step %d", step).isEqualTo(lossAt(step));
      assertThat(point.get("timestamp").asLong()).as("timestamp at step %d", step)
          .isEqualTo(START + 1_000L * (step + 1));
    }

    Map<String, Long> artifacts = new HashMap<>();
    read.get("artifacts").forEach(file -> artifacts.put(
        file.get("path").asText(), file.get("size").asLong()));
    assertThat(artifacts).containsOnly(
        Map.entry("config.yaml", 11L),
        Map.entry("checkpoints/epoch-9/weights.bin", 4096L));
  }

  @Test
  void resumedRunReadsAsRunning() throws Exception {
    MlflowPython.requirePython();
    Path root = temp.resolve("mlruns");
    LocalMlflowStore store = new LocalMlflowStore(root, new ManualClock(START));
    TrackedRun run = store.startRun("readback", "r", Map.of(), null);
    run.logMetric("train/loss", 1.0, 0);
    run.end(RunStatus.KILLED);

    store.resumeRun(run.runId());
    JsonNode read = MlflowPython.readRun(
        "file://" + root, run.runId(), "train/loss", Files.createDirectories(temp.resolve("py")));

    assertThat(read.get("status").asText()).isEqualTo("RUNNING");
    assertThat(read.get("end_time").isNull()).as("end_time is null").isTrue();
  }

  private static double lossAt(int step) {
    return 2.0 / (step + 1) + 1e-7 * step;
  }

  private static Map<String, String> toMap(JsonNode object) {
    Map<String, String> map = new HashMap<>();
    object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
    return map;
  }
}
