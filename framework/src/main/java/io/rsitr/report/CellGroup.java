package io.rsitr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs of the ablation cells that differ only by seed. */
public record CellGroup(String label, List<CellResult> runs) {

  public CellGroup {
    runs = List.copyOf(runs);
  }

  /**
   * Groups results by {@link CellResult#groupLabel()}, keeping the order in which each group first
   * appears.
   */
  public static List<CellGroup> groupBySeed(List<CellResult> results) {
    Map<String, List<CellResult>> byLabel = new LinkedHashMap<>();
    for (CellResult result : results) {
      byLabel.computeIfAbsent(result.groupLabel(), label -> new ArrayList<>()).add(result);
    }
    List<CellGroup> groups = new ArrayList<>();
    byLabel.forEach((label, runs) -> groups.add(new CellGroup(label, runs)));
    return groups;
  }

  /** Returns the mean and standard deviation over seeds of a test metric, from the runs that have it. */
  public MetricSummary summary(String metric) {
    List<Double> values = new ArrayList<>();
    for (CellResult run : runs) {
      Double value = run.testMetrics().get(metric);
      if (value != null) {
        values.add(value);
      }
    }
    return MetricSummary.of(values);
  }

  /** Returns the run of this group with the given seed, if there is one. */
  public Optional<CellResult> runWithSeed(long seed) {
    return runs.stream().filter(run -> run.seed() == seed).findFirst();
  }
}
