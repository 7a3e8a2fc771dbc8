package io.rsitr.report;

import io.rsitr.train.MetricSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric sink that keeps every logged value in memory and passes it on, so plots can be drawn
 * at the end of a run without reading the tracking store back.
 */
public final class MetricHistory implements MetricSink {

  /** One logged value of a metric. */
  public record Point(long step, double value) {}

  private final MetricSink next;
  private final Map<String, List<Point>> points = new LinkedHashMap<>();

  /** Records metrics and then sends them to {@code next}. */
  public MetricHistory(MetricSink next) {
    this.next = next;
  }

  @Override
  public void log(Map<String, Double> metrics, long step) {
    synchronized (points) {
      metrics.forEach((key, value) -> points.computeIfAbsent(key, ignored -> new ArrayList<>())
          .add(new Point(step, value)));
    }
    next.log(metrics, step);
  }

  /** Returns the values of one metric in logging order, or an empty list. */
  public List<Point> series(String key) {
    synchronized (points) {
      return List.copyOf(points.getOrDefault(key, List.of()));
    }
  }
}
