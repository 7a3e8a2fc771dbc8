package io.rsitr.track;

import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one run's pending entries to the server with {@code log-batch} requests. A request that
 * fails on the connection or with a 5xx or 429 status goes back into the buffer for the next
 * attempt. A request that the server rejects with another 4xx status is dropped and counted,
 * because sending it again cannot succeed.
 */
final class BatchSender {

  private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

  private final MlflowClient client;
  private final String runId;
  private final PendingBatch pending;
  private final int batchSize;
  private long rejectedEntries;
  private boolean failing;

  BatchSender(MlflowClient client, String runId, PendingBatch pending, int batchSize) {
    this.client = client;
    this.runId = runId;
    this.pending = pending;
    this.batchSize = batchSize;
  }

  /**
   * Sends requests until the buffer is empty or one fails for a reason that may pass.
   *
   * @return whether the buffer was empty when this call returned
   */
  synchronized boolean sendAll() {
    while (true) {
      PendingBatch.Request request = pending.take(batchSize);
      if (request.size() == 0) {
        return true;
      }
      try {
        client.logBatch(runId, request.metrics(), request.params(), request.tags());
      } catch (MlflowHttpException e) {
        if (isPermanent(e.getStatusCode())) {
          rejectedEntries += request.size();
          LOG.error("MLflow server rejected {} entries of run {} with HTTP {}: {}",
              request.size(), runId, e.getStatusCode(), e.getBodyMessage());
          continue;
        }
        pending.restore(request);
        noteFailure(e);
        return false;
      } catch (MlflowClientException e) {
        pending.restore(request);
        noteFailure(e);
        return false;
      }
      if (failing) {
        failing = false;
        LOG.info("MLflow server accepts requests again; sending the {} entries buffered for run {}",
            pending.size() + request.size(), runId);
      }
    }
  }

  /** Returns the number of entries the server rejected and that were dropped. */
  synchronized long rejectedEntries() {
    return rejectedEntries;
  }

  private void noteFailure(RuntimeException e) {
    if (!failing) {
      failing = true;
      LOG.warn("Failed to send metrics of run {} to the MLflow server, keeping {} entries "
          + "buffered and retrying: {}", runId, pending.size(), rootMessage(e));
    } else {
      LOG.debug("Retry for run {} failed again: {}", runId, rootMessage(e));
    }
  }

  private static boolean isPermanent(int statusCode) {
    return statusCode >= 400 && statusCode < 500 && statusCode != 429;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }
}
