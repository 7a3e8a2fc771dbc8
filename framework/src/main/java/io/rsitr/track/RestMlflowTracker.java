package io.rsitr.track;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mlflow.api.proto.Service;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracker that sends runs to an MLflow tracking server over REST. Experiments, runs, params,
 * tags and metrics go through the official Java client. Artifact files go through the server's
 * artifact proxy, because the Java client starts a Python process for each upload.
 *
 * <p>One daemon thread per tracker sends the buffered entries of all its runs.
 *
 * <p>NOTE: the Java client 2.17.2 sets no socket timeout, so a server that accepts connections
 * but never answers can block the sender thread and {@link TrackedRun#end} without limit. A
 * stopped server or refused connection fails fast and is retried.
 */
public final class RestMlflowTracker implements Tracker {

  private static final Logger LOG = LoggerFactory.getLogger(RestMlflowTracker.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String trackingUri;
  private final Clock clock;
  private final RestDeliverySettings settings;
  private final MlflowClient client;
  private final HttpClient http;
  private final ScheduledExecutorService sender;
  private final ArtifactUploader uploader;
  private final RestRunSearch search;
  private final Map<String, String> experimentIds = new ConcurrentHashMap<>();

  /** Connects to the server at {@code trackingUri} ({@code http://host:port}) with default settings. */
  public RestMlflowTracker(String trackingUri) {
    this(trackingUri, RestDeliverySettings.defaults(), Clock.systemUTC());
  }

  /** Connects with the given delivery settings, taking timestamps from {@code clock}. */
  public RestMlflowTracker(String trackingUri, RestDeliverySettings settings, Clock clock) {
    this.trackingUri = trackingUri.replaceAll("/+$", "");
    this.clock = clock;
    this.settings = settings;
    this.client = new MlflowClient(this.trackingUri);
    this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    this.sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rsitr-mlflow-sender");
      thread.setDaemon(true);
      return thread;
    });
    this.uploader = new ArtifactUploader(http, this.trackingUri, settings);
    this.search = new RestRunSearch(client, http, uploader, settings.requestTimeout());
  }

  /** Sends {@code GET /health}, so an unreachable server fails a run before it trains. */
  @Override
  public void checkAvailable() {
    ServerReachability.check(http, trackingUri, settings.requestTimeout());
  }

  /** Searches with {@code runs/search} and a tag filter, following every result page. */
  @Override
  public List<RunInfo> findRuns(String experimentName, Map<String, String> tagEquals) {
    MlflowNames.validateExperimentName(experimentName);
    Optional<String> experimentId = findActiveExperimentOrEmpty(experimentName);
    if (experimentId.isEmpty()) {
      return List.of();
    }
    return search.findRuns(experimentId.get(), tagEquals);
  }

  /** Downloads through the server's artifact proxy. */
  @Override
  public Path downloadArtifact(String runId, String artifactPath, Path targetDir) {
    return search.download(runId, ArtifactPaths.validateDir(artifactPath), targetDir);
  }

  /**
   * Creates a run. Checks first that the server is reachable, and creates the experiment on
   * first use.
   *
   * @throws IllegalStateException when the server is not reachable, naming the URI and the fix
   */
  @Override
  public TrackedRun startRun(
      String experimentName, String runName, Map<String, String> tags, String parentRunId) {
    ServerReachability.check(http, trackingUri, settings.requestTimeout());
    String experimentId = experimentIds.computeIfAbsent(experimentName, this::getOrCreateExperiment);

    Map<String, String> allTags = new LinkedHashMap<>();
    allTags.put(LocalMlflowStore.USER_TAG, System.getProperty("user.name", "unknown"));
    allTags.put(LocalMlflowStore.SOURCE_NAME_TAG, "rsitr");
    allTags.put(LocalMlflowStore.SOURCE_TYPE_TAG, "LOCAL");
    if (tags != null) {
      allTags.putAll(tags);
    }
    if (runName != null && !runName.isBlank()) {
      allTags.put(LocalMlflowStore.RUN_NAME_TAG, runName);
    }
    if (parentRunId != null) {
      allTags.put(LocalMlflowStore.PARENT_RUN_ID_TAG, parentRunId);
    }

    Service.CreateRun.Builder request = Service.CreateRun.newBuilder()
        .setExperimentId(experimentId)
        .setStartTime(clock.millis())
        .setUserId(allTags.get(LocalMlflowStore.USER_TAG));
    if (runName != null && !runName.isBlank()) {
      request.setRunName(runName);
    }
    allTags.forEach((key, value) -> {
      MlflowNames.validateKey(key);
      MlflowNames.validateTagValue(key, value);
      request.addTags(RunTag.newBuilder().setKey(key).setValue(value));
    });
    Service.RunInfo info = client.createRun(request.build());
    LOG.info("Started run {} ('{}') in experiment '{}' ({}) on {}",
        info.getRunId(), info.getRunName(), experimentName, experimentId, trackingUri);
    return new RestRun(client, info, clock, settings, sender, uploader);
  }

  /**
   * Sets the run's status back to RUNNING and continues it.
   *
   * <p>NOTE: MLflow's update-run request cannot clear a field, so the server keeps the end time
   * of the earlier end until this run ends again.
   */
  @Override
  public TrackedRun resumeRun(String runId) {
    ServerReachability.check(http, trackingUri, settings.requestTimeout());
    Service.Run run = client.getRun(runId);
    ObjectNode update = JSON.createObjectNode().put("run_id", runId).put("status", "RUNNING");
    client.sendPost("runs/update", update.toString());
    LOG.info("Resumed run {} in experiment {} on {}", runId, run.getInfo().getExperimentId(),
        trackingUri);
    return new RestRun(client, run.getInfo(), clock, settings, sender, uploader);
  }

  @Override
  public String uri() {
    return trackingUri;
  }

  /** Stops the sender thread. Runs must be ended before, or their buffered entries are lost. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
        sender.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sender.shutdownNow();
    }
    client.close();
  }

  /**
   * Returns the id of the named experiment, creating it when missing. Another process may
   * create it between the lookup and the create, so RESOURCE_ALREADY_EXISTS leads to a second
   * lookup.
   */
  private String getOrCreateExperiment(String name) {
    MlflowNames.validateExperimentName(name);
    Optional<String> existing = findActiveExperiment(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      String id = client.createExperiment(name);
      LOG.info("Created MLflow experiment '{}' with id {} on {}", name, id, trackingUri);
      return id;
    } catch (MlflowHttpException e) {
      String body = e.getBodyMessage() == null ? "" : e.getBodyMessage();
      if (!body.contains("RESOURCE_ALREADY_EXISTS")) {
        throw e;
      }
      LOG.debug("Experiment '{}' was created concurrently; looking it up again", name);
      return findActiveExperiment(name).orElseThrow(() -> new IllegalStateException(
          "MLflow experiment '" + name + "' exists on " + trackingUri + " but is not active; "
              + "restore it in the MLflow UI or choose another experiment name"));
    }
  }

  /** Returns the id of the named experiment, or empty when it is missing or deleted. */
  private Optional<String> findActiveExperimentOrEmpty(String name) {
    String cached = experimentIds.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      return client.getExperimentByName(name)
          .filter(experiment -> "active".equals(experiment.getLifecycleStage()))
          .map(Service.Experiment::getExperimentId);
    } catch (MlflowClientException e) {
      throw new IllegalStateException(
          "Failed to look up MLflow experiment '" + name + "' on " + trackingUri, e);
    }
  }

  private Optional<String> findActiveExperiment(String name) {
    Optional<Service.Experiment> experiment;
    try {
      experiment = client.getExperimentByName(name);
    } catch (MlflowClientException e) {
      throw new IllegalStateException(
          "Failed to look up MLflow experiment '" + name + "' on " + trackingUri, e);
    }
    if (experiment.isEmpty()) {
      return Optional.empty();
    }
    if (!"active".equals(experiment.get().getLifecycleStage())) {
      throw new IllegalStateException(
          "MLflow experiment '" + name + "' on " + trackingUri + " is deleted; restore it in "
              + "the MLflow UI or choose another experiment name");
    }
    return Optional.of(experiment.get().getExperimentId());
  }
}
