package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

/**
 * Runs {@link RestMlflowTracker} against a real {@code mlflow server} and reads everything back
 * over REST. Skipped unless {@code RSITR_MLFLOW_SERVER_URI} or {@code RSITR_MLFLOW_PYTHON} is set.
 */
class RestMlflowTrackerServerTest {

  private static final long START = 1_700_000_000_000L;
  private static final RestDeliverySettings FAST = new RestDeliverySettings(
      Duration.ofMillis(200), 100, 200_000, Duration.ofSeconds(60), 3, Duration.ofMillis(200),
      Duration.ofSeconds(30));

  @TempDir static Path sharedDir;
  @TempDir Path temp;

  private static MlflowServerFixture server;

  @BeforeAll
  static void startServer() throws Exception {
    server = MlflowServerFixture.startOrReuse(sharedDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void paramsTagsAndHistoryReadBack() throws Exception {
    ManualClock clock = new ManualClock(START);
    String experiment = "rest-readback-" + UUID.randomUUID();
    Map<String, String> params = Map.of("lr", "0.0001", "optimizer/name", "adamw");
    String runId;
    try (RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, clock)) {
      TrackedRun run = tracker.startRun(experiment, "seed-1", Map.of("rsitr.method", "clip"), null);
      runId = run.runId();
      run.logParams(params);
      run.setTags(Map.of("rsitr.seed", "7"));
      for (int step = 0; step < 10; step++) {
        clock.set(START + 1_000L * (step + 1));
        run.logMetric("train/loss", lossAt(step), step);
      }
      clock.set(START + 60_000);
      run.end(RunStatus.FINISHED);
      assertThat(run.undeliveredCount()).isZero();
    }

    MlflowClient client = new MlflowClient(server.uri());
    Service.Run stored = client.getRun(runId);
    assertThat(stored.getInfo().getStatus()).isEqualTo(Service.RunStatus.FINISHED);
    assertThat(stored.getInfo().getRunName()).isEqualTo("seed-1");
    assertThat(stored.getInfo().getStartTime()).isEqualTo(START);
    assertThat(stored.getInfo().getEndTime()).isEqualTo(START + 60_000);
    assertThat(stored.getInfo().getExperimentId())
        .isEqualTo(client.getExperimentByName(experiment).orElseThrow().getExperimentId());

    Map<String, String> storedParams = new HashMap<>();
    stored.getData().getParamsList().forEach(p -> storedParams.put(p.getKey(), p.getValue()));
    assertThat(storedParams).isEqualTo(params);
    Map<String, String> storedTags = new HashMap<>();
    stored.getData().getTagsList().forEach(t -> storedTags.put(t.getKey(), t.getValue()));
    assertThat(storedTags).containsEntry("mlflow.runName", "seed-1");
    assertThat(storedTags).containsEntry("mlflow.user", System.getProperty("user.name"));
    assertThat(storedTags).containsEntry("mlflow.source.name", "rsitr");
    assertThat(storedTags).containsEntry("rsitr.method", "clip");
    assertThat(storedTags).containsEntry("rsitr.seed", "7");
    assertThat(storedTags).doesNotContainKey(RestRun.DELIVERY_TAG);

    List<Service.Metric> history = sortedByStep(client.getMetricHistory(runId, "train/loss"));
    assertThat(history).as("points in the train/loss history").hasSize(10);
    for (int step = 0; step < 10; step++) {
      Service.Metric point = history.get(step);
      assertThat(point.getStep()).as("step of point %d", step).isEqualTo(step);
      assertThat(point.getValue()).as("value at step %d", step).isEqualTo(lossAt(step));
      assertThat(point.getTimestamp()).as("timestamp at step %d", step)
          .isEqualTo(START + 1_000L * (step + 1));
    }
    client.close();
  }

  @Test
  void childRunGetsParentTag() throws Exception {
    String experiment = "rest-parent-" + UUID.randomUUID();
    String parentId;
    String childId;
    try (RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
      TrackedRun parent = tracker.startRun(experiment, "grid", Map.of(), null);
      TrackedRun child = tracker.startRun(experiment, "cell-1", Map.of(), parent.runId());
      parentId = parent.runId();
      childId = child.runId();
      child.end(RunStatus.FINISHED);
      parent.end(RunStatus.FINISHED);
    }

    MlflowClient client = new MlflowClient(server.uri());
    Map<String, String> childTags = new HashMap<>();
    client.getRun(childId).getData().getTagsList()
        .forEach(t -> childTags.put(t.getKey(), t.getValue()));
    assertThat(childTags).containsEntry("mlflow.parentRunId", parentId);
    assertThat(client.getRun(childId).getInfo().getExperimentId())
        .isEqualTo(client.getRun(parentId).getInfo().getExperimentId());
    client.close();
  }

  @Test
  void artifactBytesDownloadEqual() throws Exception {
    byte[] content = new byte[5 * 1024 * 1024];
    new Random(42).nextBytes(content);
    Path file = Files.write(temp.resolve("weights file.bin"), content);
    String runId;
    try (RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
      TrackedRun run = tracker.startRun("rest-artifacts-" + UUID.randomUUID(), "r", Map.of(), null);
      runId = run.runId();
      run.logArtifact(file, "checkpoints/epoch-1");
      run.end(RunStatus.FINISHED);
      assertThat(run.undeliveredCount()).isZero();
    }

    MlflowClient client = new MlflowClient(server.uri());
    String artifactUri = client.getRun(runId).getInfo().getArtifactUri();
    client.close();
    assertThat(artifactUri).startsWith("mlflow-artifacts:/");
    URI download = URI.create(server.uri() + "/api/2.0/mlflow-artifacts/artifacts/"
        + artifactUri.substring("mlflow-artifacts:/".length())
        + "/checkpoints/epoch-1/weights%20file.bin");
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(download).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("status of GET %s", download).isEqualTo(200);
    assertThat(response.body()).as("downloaded bytes").isEqualTo(content);
  }

  @Test
  void concurrentRunsShareNewExperiment() throws Exception {
    String experiment = "rest-concurrent-" + UUID.randomUUID();
    int runs = 4;
    int steps = 250;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    List<Future<TrackedRun>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < runs; i++) {
        int worker = i;
        Callable<TrackedRun> task = () -> {
          start.await();
          try (RestMlflowTracker tracker = new RestMlflowTracker(server.uri(), FAST, new ManualClock(START))) {
            TrackedRun run = tracker.startRun(experiment, "worker-" + worker, Map.of(), null);
            for (int step = 0; step < steps; step++) {
              run.logMetric("train/loss", step * 0.5, step);
            }
            run.end(RunStatus.FINISHED);
            return run;
          }
        };
        futures.add(pool.submit(task));
      }
      start.countDown();

      MlflowClient client = new MlflowClient(server.uri());
      Set<String> experimentIds = new HashSet<>();
      for (Future<TrackedRun> future : futures) {
        TrackedRun run = future.get(300, TimeUnit.SECONDS);
        experimentIds.add(run.experimentId());
        assertThat(run.undeliveredCount()).as("undelivered entries of %s", run.runId()).isZero();
        assertThat(client.getMetricHistory(run.runId(), "train/loss"))
            .as("history of run %s", run.runId()).hasSize(steps);
      }
      assertThat(experimentIds).as("experiment ids of the runs").hasSize(1);
      assertThat(client.getExperimentByName(experiment).orElseThrow().getExperimentId())
          .isEqualTo(experimentIds.iterator().next());
      assertThat(client.searchRuns(List.copyOf(experimentIds), null)).hasSize(runs);
      client.close();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void metricsLoggedDuringOutageArrive(@TempDir Path ownDir) throws Exception {
    try (MlflowServerFixture own = MlflowServerFixture.startOwn(ownDir);
        RestMlflowTracker tracker = new RestMlflowTracker(own.uri(), FAST, new ManualClock(START))) {
      TrackedRun run = tracker.startRun("rest-outage", "r", Map.of(), null);
      for (int step = 0; step < 5; step++) {
        run.logMetric("train/loss", step, step);
      }
      awaitHistorySize(own.uri(), run.runId(), 5);

      own.kill();
      for (int step = 5; step < 15; step++) {
        run.logMetric("train/loss", step, step);
        Thread.sleep(100);
      }
      own.restart();
      run.end(RunStatus.FINISHED);

      assertThat(run.undeliveredCount()).isZero();
      MlflowClient client = new MlflowClient(own.uri());
      List<Service.Metric> history = sortedByStep(client.getMetricHistory(run.runId(), "train/loss"));
      assertThat(history).extracting(Service.Metric::getStep)
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
      assertThat(client.getRun(run.runId()).getInfo().getStatus())
          .isEqualTo(Service.RunStatus.FINISHED);
      client.close();
    }
  }

  private static void awaitHistorySize(String uri, String runId, int size)
      throws InterruptedException {
    MlflowClient client = new MlflowClient(uri);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (client.getMetricHistory(runId, "train/loss").size() < size) {
      assertThat(System.nanoTime()).as("time waiting for %d metrics", size).isLessThan(deadline);
      Thread.sleep(100);
    }
    client.close();
  }

  private static List<Service.Metric> sortedByStep(List<Service.Metric> metrics) {
    List<Service.Metric> sorted = new ArrayList<>(metrics);
    sorted.sort((a, b) -> Long.compare(a.getStep(), b.getStep()));
    return sorted;
  }

  private static double lossAt(int step) {
    return 2.0 / (step + 1) + 1e-7 * step;
  }
}
