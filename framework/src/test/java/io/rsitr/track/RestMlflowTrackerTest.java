package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks what {@link RestMlflowTracker} sends, against a fake server on 127.0.0.1. */
class RestMlflowTrackerTest {

  private static final long START = 1_700_000_000_000L;
  private static final RestDeliverySettings FAST = new RestDeliverySettings(
      Duration.ofMillis(100), 100, 200_000, Duration.ofSeconds(20), 3, Duration.ofMillis(50),
      Duration.ofSeconds(10));

  @TempDir Path temp;

  @Test
  void unreachableServerFailsFast() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String uri = "http://127.0.0.1:" + port;

    try (RestMlflowTracker tracker = new RestMlflowTracker(uri)) {
      assertThatThrownBy(() -> tracker.startRun("e", "r", Map.of(), null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("MLflow tracking server at " + uri + " is not reachable: connection refused; "
              + "start it or set tracking.uri / MLFLOW_TRACKING_URI");
    }
  }

  @Test
  void metricsSentInBatchesWithTimestamps() throws Exception {
    ManualClock clock = new ManualClock(START);
    try (FakeMlflowServer server = new FakeMlflowServer();
        RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, clock)) {
      TrackedRun run = tracker.startRun("e", "r", Map.of(), null);
      run.logParams(Map.of("lr", "0.1"));
      for (int step = 0; step < 250; step++) {
        clock.set(START + step);
        run.logMetric("train/loss", step * 0.25, step);
      }
      run.end(RunStatus.FINISHED);

      List<JsonNode> metrics = new ArrayList<>();
      List<JsonNode> params = new ArrayList<>();
      for (JsonNode body : server.logBatchBodies) {
        assertThat(body.path("metrics").size()).as("metrics in one request").isLessThanOrEqualTo(100);
        body.path("metrics").forEach(metrics::add);
        body.path("params").forEach(params::add);
      }
      assertThat(metrics).hasSize(250);
      for (int step = 0; step < 250; step++) {
        JsonNode metric = metrics.get(step);
        assertThat(metric.get("key").asText()).isEqualTo("train/loss");
        assertThat(metric.get("step").asLong()).as("step of metric %d", step).isEqualTo(step);
        assertThat(metric.get("value").asDouble()).isEqualTo(step * 0.25);
        assertThat(metric.get("timestamp").asLong()).as("timestamp of metric %d", step)
            .isEqualTo(START + step);
      }
      assertThat(params).hasSize(1);
      assertThat(params.get(0).get("key").asText()).isEqualTo("lr");
      assertThat(server.updateRunBodies).hasSize(1);
      assertThat(server.updateRunBodies.get(0).get("status").asText()).isEqualTo("FINISHED");
      assertThat(server.updateRunBodies.get(0).get("end_time").asLong()).isEqualTo(START + 249);
      assertThat(run.undeliveredCount()).isZero();
    }
  }

  @Test
  void changedParamRejectedLocally() throws Exception {
    try (FakeMlflowServer server = new FakeMlflowServer();
        RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
      TrackedRun run = tracker.startRun("e", "r", Map.of(), null);
      run.logParams(Map.of("lr", "0.1"));

      assertThatThrownBy(() -> run.logParams(Map.of("lr", "0.2")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'lr'")
          .hasMessageContaining("immutable");
      run.end(RunStatus.FINISHED);
    }
  }

  @Test
  void failedArtifactTaggedAndKept() throws Exception {
    Path file = Files.writeString(temp.resolve("model.bin"), "weights");
    try (FakeMlflowServer server = new FakeMlflowServer();
        RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
      server.artifactStatus = 503;
      TrackedRun run = tracker.startRun("e", "r", Map.of(), null);

      run.logArtifact(file, "checkpoints");
      run.end(RunStatus.FINISHED);

      assertThat(server.artifactPuts).as("upload attempts").hasSize(3);
      assertThat(server.artifactPuts.get(0)).isEqualTo(ArtifactUploader.PROXY_PATH
          + FakeMlflowServer.EXPERIMENT_ID + "/" + FakeMlflowServer.RUN_ID
          + "/artifacts/checkpoints/model.bin");
      Map<String, String> tags = sentTags(server);
      assertThat(tags).containsEntry(RestRun.UNDELIVERED_ARTIFACTS_TAG, file.toAbsolutePath().toString());
      assertThat(tags).containsEntry(RestRun.DELIVERY_TAG, "incomplete");
      assertThat(run.undeliveredCount()).isEqualTo(1);
      assertThat(file).as("local copy kept").exists();
    }
  }

  @Test
  void concurrentlyCreatedExperimentLookedUpAgain() throws Exception {
    try (FakeMlflowServer server = new FakeMlflowServer();
        RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
      server.createReportsExisting = true;

      TrackedRun run = tracker.startRun("e", "r", Map.of(), null);

      assertThat(run.experimentId()).isEqualTo(FakeMlflowServer.EXPERIMENT_ID);
      run.end(RunStatus.FINISHED);
    }
  }

  @Test
  void runTagsIncludeParentAndUser() throws Exception {
    try (FakeMlflowServer server = new FakeMlflowServer();
        RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
      TrackedRun run = tracker.startRun("e", "cell", Map.of("rsitr.method", "clip"), "parent1");
      run.end(RunStatus.KILLED);

      JsonNode request = server.createRunBodies.get(0);
      Map<String, String> tags = new HashMap<>();
      request.path("tags").forEach(tag -> tags.put(tag.get("key").asText(), tag.get("value").asText()));
      assertThat(request.get("run_name").asText()).isEqualTo("cell");
      assertThat(request.get("start_time").asLong()).isEqualTo(START);
      assertThat(tags).containsEntry("mlflow.parentRunId", "parent1");
      assertThat(tags).containsEntry("mlflow.runName", "cell");
      assertThat(tags).containsEntry("mlflow.user", System.getProperty("user.name"));
      assertThat(tags).containsEntry("mlflow.source.name", "rsitr");
      assertThat(tags).containsEntry("rsitr.method", "clip");
      assertThat(server.updateRunBodies.get(0).get("status").asText()).isEqualTo("KILLED");
    }
  }

  private static Map<String, String> sentTags(FakeMlflowServer server) {
    Map<String, String> tags = new HashMap<>();
    for (JsonNode body : server.logBatchBodies) {
      body.path("tags").forEach(tag -> tags.put(tag.get("key").asText(), tag.get("value").asText()));
    }
    for (JsonNode body : server.setTagBodies) {
      tags.put(body.get("key").asText(), body.get("value").asText());
    }
    return tags;
  }
}
