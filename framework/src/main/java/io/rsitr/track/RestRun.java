package io.rsitr.track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mlflow.api.proto.Service;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run on an MLflow tracking server. Metrics, params and tags go into a buffer that a
 * background thread sends in batches, so logging never waits for the network and an outage only
 * delays delivery. Artifacts are uploaded on the calling thread.
 */
final class RestRun implements TrackedRun {

  static final String UNDELIVERED_ARTIFACTS_TAG = "rsitr.undelivered_artifacts";
  static final String DELIVERY_TAG = "rsitr.delivery";

  private static final Logger LOG = LoggerFactory.getLogger(RestRun.class);
  private static final long END_RETRY_MILLIS = 500;

  private final MlflowClient client;
  private final String runId;
  private final String experimentId;
  private final String artifactUri;
  private final Clock clock;
  private final RestDeliverySettings settings;
  private final ScheduledExecutorService sender;
  private final ArtifactUploader uploader;
  private final PendingBatch pending;
  private final BatchSender batchSender;
  private final ScheduledFuture<?> periodicSend;
  private final Map<String, String> loggedParams = new HashMap<>();
  private final List<String> undeliveredArtifacts = new ArrayList<>();
  private long undeliveredCount;
  private boolean ended;

  RestRun(MlflowClient client, Service.RunInfo info, Clock clock, RestDeliverySettings settings,
      ScheduledExecutorService sender, ArtifactUploader uploader) {
    this.client = client;
    this.runId = info.getRunId();
    this.experimentId = info.getExperimentId();
    this.artifactUri = info.getArtifactUri();
    this.clock = clock;
    this.settings = settings;
    this.sender = sender;
    this.uploader = uploader;
    this.pending = new PendingBatch(settings.maxBufferedMetrics());
    this.batchSender = new BatchSender(client, runId, pending, settings.batchSize());
    long intervalMillis = settings.flushInterval().toMillis();
    this.periodicSend = sender.scheduleWithFixedDelay(
        this::sendQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String experimentId() {
    return experimentId;
  }

  /** Returns the run's artifact root, for example {@code mlflow-artifacts:/1/<run id>/artifacts}. */
  String artifactUri() {
    return artifactUri;
  }

  /**
   * Buffers params. A key logged again with the same value is skipped, and with a different
   * value is rejected here, because the server would reject it after the call returned.
   *
   * @throws IllegalArgumentException for an invalid key or value, or a changed value
   */
  @Override
  public void logParams(Map<String, String> params) {
    List<Param> newParams = new ArrayList<>();
    synchronized (loggedParams) {
      for (Map.Entry<String, String> param : params.entrySet()) {
        MlflowNames.validateKey(param.getKey());
        MlflowNames.validateParamValue(param.getKey(), param.getValue());
        String current = loggedParams.get(param.getKey());
        if (current != null && !current.equals(param.getValue())) {
          throw new IllegalArgumentException(
              "Param '" + param.getKey() + "' of run " + runId + " was already logged with value '"
                  + current + "' and cannot change to '" + param.getValue() + "' because MLflow "
                  + "params are immutable; log the new value under another key or start a new run");
        }
      }
      for (Map.Entry<String, String> param : params.entrySet()) {
        if (loggedParams.put(param.getKey(), param.getValue()) == null) {
          newParams.add(Param.newBuilder().setKey(param.getKey()).setValue(param.getValue()).build());
        }
      }
    }
    pending.addParams(newParams);
  }

  @Override
  public void setTags(Map<String, String> tags) {
    List<RunTag> newTags = new ArrayList<>();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      MlflowNames.validateKey(tag.getKey());
      MlflowNames.validateTagValue(tag.getKey(), tag.getValue());
      newTags.add(RunTag.newBuilder().setKey(tag.getKey()).setValue(tag.getValue()).build());
    }
    pending.addTags(newTags);
  }

  @Override
  public void logMetric(String key, double value, long step) {
    logMetrics(Map.of(key, value), step);
  }

  /** Buffers metrics with the current time as their timestamp. */
  @Override
  public void logMetrics(Map<String, Double> metrics, long step) {
    long timestamp = clock.millis();
    List<Metric> newMetrics = new ArrayList<>(metrics.size());
    for (Map.Entry<String, Double> metric : metrics.entrySet()) {
      MlflowNames.validateKey(metric.getKey());
      if (metric.getValue() == null) {
        throw new IllegalArgumentException("Metric '" + metric.getKey() + "' has a null value");
      }
      // The run's clock sets the timestamp, so a resent batch keeps the original time.
      newMetrics.add(Metric.newBuilder()
          .setKey(metric.getKey())
          .setValue(metric.getValue())
          .setStep(step)
          .setTimestamp(timestamp)
          .build());
    }
    int dropped = pending.addMetrics(newMetrics);
    if (dropped > 0) {
      LOG.warn("Dropped {} metrics of run {}: {} metrics are already waiting for the MLflow server",
          dropped, runId, settings.maxBufferedMetrics());
    }
    if (pending.metricCount() >= settings.batchSize()) {
      sender.execute(this::sendQuietly);
    }
  }

  /**
   * Uploads a file to {@code <artifactDir>/<file name>} in the run's artifacts. A file that
   * cannot be uploaded after the configured attempts is logged, left in place, and named in the
   * run's {@value #UNDELIVERED_ARTIFACTS_TAG} tag at the end.
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
    String artifactPath = ArtifactPaths.join(relativeDir, file.getFileName().toString());
    if (!uploader.upload(file, artifactUri, artifactPath)) {
      synchronized (undeliveredArtifacts) {
        undeliveredArtifacts.add(file.toAbsolutePath().toString());
      }
    }
  }

  /**
   * Sends everything buffered, waiting up to the configured end timeout, then sets the status.
   * When something could not be delivered, the run gets the tag {@code rsitr.delivery=incomplete}
   * (if the server accepts it by then) and the count is logged and returned by
   * {@link #undeliveredCount()}.
   */
  @Override
  public synchronized void end(RunStatus status) {
    if (ended) {
      LOG.warn("Run {} was already ended; ignoring the second end with status {}", runId, status);
      return;
    }
    ended = true;
    periodicSend.cancel(false);
    long endTime = clock.millis();

    tagUndeliveredArtifacts();
    boolean drained = drainBuffer();
    undeliveredCount = pending.size() + pending.droppedMetrics() + batchSender.rejectedEntries()
        + undeliveredArtifactCount();
    if (!drained || undeliveredCount > 0) {
      LOG.error("Run {} ends with {} entries not delivered to the MLflow server ({} still "
          + "buffered, {} dropped because the buffer was full, {} rejected by the server, {} "
          + "artifacts)", runId, undeliveredCount, pending.size(), pending.droppedMetrics(),
          batchSender.rejectedEntries(), undeliveredArtifactCount());
      setTagQuietly(DELIVERY_TAG, "incomplete");
    }

    try {
      client.setTerminated(runId, toProto(status), endTime);
      LOG.info("Ended run {} with status {}", runId, status);
    } catch (MlflowClientException e) {
      LOG.error("Failed to set status {} of run {} on the MLflow server: {}", status, runId,
          e.toString());
    }
  }

  @Override
  public long undeliveredCount() {
    return undeliveredCount;
  }

  private void tagUndeliveredArtifacts() {
    synchronized (undeliveredArtifacts) {
      if (undeliveredArtifacts.isEmpty()) {
        return;
      }
      String list = String.join(",", undeliveredArtifacts);
      if (list.length() > MlflowNames.MAX_TAG_VALUE_LENGTH) {
        list = list.substring(0, MlflowNames.MAX_TAG_VALUE_LENGTH - 3) + "...";
      }
      setTags(Map.of(UNDELIVERED_ARTIFACTS_TAG, list));
    }
  }

  private int undeliveredArtifactCount() {
    synchronized (undeliveredArtifacts) {
      return undeliveredArtifacts.size();
    }
  }

  /** Sends on the sender thread until the buffer is empty or the end timeout passes. */
  private boolean drainBuffer() {
    long deadline = System.nanoTime() + settings.endTimeout().toNanos();
    while (true) {
      Future<Boolean> attempt = sender.submit(batchSender::sendAll);
      long remaining = deadline - System.nanoTime();
      try {
        if (attempt.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
          return true;
        }
      } catch (TimeoutException e) {
        attempt.cancel(true);
        return false;
      } catch (ExecutionException e) {
        LOG.error("Sending the buffer of run {} failed", runId, e.getCause());
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (deadline - System.nanoTime() < TimeUnit.MILLISECONDS.toNanos(END_RETRY_MILLIS)) {
        return false;
      }
      sleepBeforeRetry();
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
  }

  private void sendQuietly() {
    try {
      batchSender.sendAll();
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while sending the buffer of run {}", runId, e);
    }
  }

  private void setTagQuietly(String key, String value) {
    try {
      client.setTag(runId, key, value);
    } catch (MlflowClientException e) {
      LOG.warn("Failed to set tag {}={} on run {}: {}", key, value, runId, e.toString());
    }
  }

  private static void sleepBeforeRetry() {
    try {
      Thread.sleep(END_RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Service.RunStatus toProto(RunStatus status) {
    return switch (status) {
      case FINISHED -> Service.RunStatus.FINISHED;
      case FAILED -> Service.RunStatus.FAILED;
      case KILLED -> Service.RunStatus.KILLED;
    };
  }
}
