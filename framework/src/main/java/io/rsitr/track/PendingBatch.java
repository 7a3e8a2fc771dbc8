package io.rsitr.track;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/**
 * The metrics, params and tags of one run that have not reached the server yet, in logging
 * order. Thread-safe: training threads add while the sender thread takes and restores.
 */
final class PendingBatch {

  // MLflow 2.17 limits of one log-batch request.
  static final int MAX_PARAMS_PER_REQUEST = 100;
  static final int MAX_TAGS_PER_REQUEST = 100;

  private final Deque<Metric> metrics = new ArrayDeque<>();
  private final Deque<Param> params = new ArrayDeque<>();
  private final Deque<RunTag> tags = new ArrayDeque<>();
  private final int maxMetrics;
  private long droppedMetrics;

  PendingBatch(int maxMetrics) {
    this.maxMetrics = maxMetrics;
  }

  /** One request's share of the pending entries. */
  record Request(List<Metric> metrics, List<Param> params, List<RunTag> tags) {
    int size() {
      return metrics.size() + params.size() + tags.size();
    }
  }

  /**
   * Adds metrics, dropping those that do not fit under the buffer limit.
   *
   * @return the number of metrics dropped by this call
   */
  synchronized int addMetrics(List<Metric> newMetrics) {
    int dropped = 0;
    for (Metric metric : newMetrics) {
      if (metrics.size() < maxMetrics) {
        metrics.addLast(metric);
      } else {
        dropped++;
      }
    }
    droppedMetrics += dropped;
    return dropped;
  }

  synchronized void addParams(List<Param> newParams) {
    params.addAll(newParams);
  }

  synchronized void addTags(List<RunTag> newTags) {
    tags.addAll(newTags);
  }

  synchronized int metricCount() {
    return metrics.size();
  }

  /** Returns the number of entries waiting to be sent. */
  synchronized int size() {
    return metrics.size() + params.size() + tags.size();
  }

  /** Returns the number of metrics dropped because the buffer was full. */
  synchronized long droppedMetrics() {
    return droppedMetrics;
  }

  /**
   * Removes and returns the oldest entries that fit in one request. Params and tags go first,
   * so a run's configuration reaches the server before its metrics.
   */
  synchronized Request take(int maxMetricsPerRequest) {
    List<Param> paramChunk = takeFirst(params, MAX_PARAMS_PER_REQUEST);
    List<RunTag> tagChunk = takeFirst(tags, MAX_TAGS_PER_REQUEST);
    List<Metric> metricChunk = takeFirst(metrics, maxMetricsPerRequest);
    return new Request(metricChunk, paramChunk, tagChunk);
  }

  /** Puts a request that failed back at the front, keeping the logging order. */
  synchronized void restore(Request request) {
    for (int i = request.metrics().size() - 1; i >= 0; i--) {
      metrics.addFirst(request.metrics().get(i));
    }
    for (int i = request.params().size() - 1; i >= 0; i--) {
      params.addFirst(request.params().get(i));
    }
    for (int i = request.tags().size() - 1; i >= 0; i--) {
      tags.addFirst(request.tags().get(i));
    }
  }

  private static <T> List<T> takeFirst(Deque<T> queue, int max) {
    List<T> chunk = new ArrayList<>(Math.min(max, queue.size()));
    while (chunk.size() < max && !queue.isEmpty()) {
      chunk.add(queue.pollFirst());
    }
    return chunk;
  }
}
