package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.report.PairedBootstrap;
import io.rsitr.run.AblationOutcome;
import io.rsitr.run.AblationRunner;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.track.MlflowServerFixture;
import io.rsitr.track.RestMlflowTracker;
import io.rsitr.train.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the tiny 2×2 smoke ablation against a real {@code mlflow server} and reads the result back
 * over its REST API. Uses the server in {@code RSITR_MLFLOW_SERVER_URI} (.ci/run starts one), else
 * starts its own with {@code RSITR_MLFLOW_PYTHON}, else is skipped.
 */
class AblationServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path serverDir;
  @TempDir Path dir;

  private static MlflowServerFixture server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() throws Exception {
    server = MlflowServerFixture.startOrReuse(serverDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void ablationReadsBackOverRest() throws Exception {
    String experiment = "ablation-server-" + UUID.randomUUID();
    ExperimentSpec spec = AblationFixtures.loadTinyAblation(dir.resolve("runs"), experiment, server.uri());

    AblationOutcome outcome;
    try (RestMlflowTracker tracker = new RestMlflowTracker(server.uri())) {
      ExperimentRunner runner = new ExperimentRunner(PluginRegistry.discover(), tracker, ProgressListener.silent());
      outcome = new AblationRunner(runner, tracker, new PairedBootstrap(200, 1L)).run(spec);
    }

    String experimentId = get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + encode(experiment))
        .at("/experiment/experiment_id").asText();
    JsonNode parent = get("/api/2.0/mlflow/runs/get?run_id=" + outcome.parentRunId()).get("run");
    assertThat(parent.at("/info/status").asText()).as("parent status").isEqualTo("FINISHED");
    assertThat(tags(parent)).containsEntry("rsitr.ablation", "parent")
        .containsEntry("rsitr.config_hash", spec.configHash())
        .containsEntry("rsitr.ablation.grid.loss.momentum_targets", "[false,true]");

    JsonNode children = searchChildren(experimentId, outcome.parentRunId());
    assertThat(children.size()).as("child runs under the parent").isEqualTo(4);
    Map<String, JsonNode> byCell = new HashMap<>();
    children.forEach(child -> byCell.put(tags(child).get("rsitr.cell"), child));
    assertThat(byCell).containsOnlyKeys("loss.momentum_targets=false,seed=1", "loss.momentum_targets=false,seed=2",
        "loss.momentum_targets=true,seed=1", "loss.momentum_targets=true,seed=2");
    JsonNode child = byCell.get("loss.momentum_targets=true,seed=2");
    assertThat(tags(child)).containsEntry("rsitr.cell.seed", "2")
        .containsEntry("rsitr.cell.loss.momentum_targets", "true")
        .containsEntry("rsitr.ablation", "child")
        .containsEntry("mlflow.parentRunId", outcome.parentRunId());
    assertThat(child.at("/info/status").asText()).isEqualTo("FINISHED");

    String childId = child.at("/info/run_id").asText();
    JsonNode history = get("/api/2.0/mlflow/metrics/get-history?run_id=" + childId + "&metric_key="
        + encode("train/loss")).get("metrics");
    assertThat(history.size()).as("train/loss logged at steps 0, 1 and 2").isEqualTo(3);
    for (int i = 0; i < history.size(); i++) {
      assertThat(history.get(i).get("step").asLong()).as("step of point %d", i).isEqualTo(i);
      assertThat(history.get(i).get("timestamp").asLong()).as("timestamp in ms").isGreaterThan(1_600_000_000_000L);
    }

    byte[] downloaded = download(experimentId, childId, "checkpoints/best/variables.index");
    byte[] local = Files.readAllBytes(dir.resolve("runs").resolve(childId).resolve("checkpoints/best/variables.index"));
    assertThat(downloaded).as("checkpoint artifact bytes match the local checkpoint").isEqualTo(local);
    assertThat(download(experimentId, outcome.parentRunId(), "ablation_report.csv"))
        .as("report CSV on the parent").asString(StandardCharsets.UTF_8)
        .startsWith("cell,baseline,seeds,i2t_r1_mean");
  }

  private JsonNode searchChildren(String experimentId, String parentRunId) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode();
    request.putArray("experiment_ids").add(experimentId);
    request.put("filter", "tags.`mlflow.parentRunId` = '" + parentRunId + "'");
    request.put("max_results", 100);
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/runs/search"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
        .build();
    HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("runs/search status; body %s", response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("runs");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s; body %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private byte[] download(String experimentId, String runId, String artifactPath)
      throws IOException, InterruptedException {
    String path = "/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/" + runId + "/artifacts/" + artifactPath;
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }

  private static Map<String, String> tags(JsonNode run) {
    Map<String, String> tags = new HashMap<>();
    run.at("/data/tags").forEach(tag -> tags.put(tag.get("key").asText(), tag.get("value").asText()));
    return tags;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
