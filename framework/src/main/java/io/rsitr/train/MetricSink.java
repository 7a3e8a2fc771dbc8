package io.rsitr.train;

import java.util.Map;

/** Destination of training metrics: a tracked run, a log, or both. */
public interface MetricSink {

  void log(Map<String, Double> metrics, long step);

  static MetricSink none() {
    return (metrics, step) -> {};
  }
}
