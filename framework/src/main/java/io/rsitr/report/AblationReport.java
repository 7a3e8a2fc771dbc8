package io.rsitr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The summary of an ablation: per cell group, mean ± standard deviation over seeds of every test
 * metric, and the mR difference from the baseline group with its paired bootstrap interval.
 *
 * @param metrics the metric columns: R@1, R@5, R@10 per direction and mR first, then the rest by name
 * @param differences per group label, the mR difference from the baseline; absent for the
 *     baseline itself and for groups that share no seed with it
 */
public record AblationReport(
    List<CellGroup> groups,
    String baselineLabel,
    List<String> metrics,
    Map<String, BootstrapInterval> differences) {

  private static final List<String> LEADING_METRICS =
      List.of("i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1", "t2i_r5", "t2i_r10", "mr");

  public AblationReport {
    groups = List.copyOf(groups);
    metrics = List.copyOf(metrics);
    differences = Map.copyOf(differences);
  }

  /**
   * Groups the results by seed and compares every group with the one labelled
   * {@code baselineLabel}.
   *
   * @throws IllegalArgumentException when no result has the baseline label
   */
  public static AblationReport build(List<CellResult> results, String baselineLabel, PairedBootstrap bootstrap) {
    List<CellGroup> groups = CellGroup.groupBySeed(results);
    CellGroup baseline = groups.stream()
        .filter(group -> group.label().equals(baselineLabel))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No ablation result belongs to the baseline group '"
            + baselineLabel + "'"));

    Map<String, BootstrapInterval> differences = new LinkedHashMap<>();
    for (CellGroup group : groups) {
      if (group == baseline) {
        continue;
      }
      Optional<BootstrapInterval> interval = bootstrap.meanRecallDifference(group, baseline);
      interval.ifPresent(value -> differences.put(group.label(), value));
    }
    return new AblationReport(groups, baselineLabel, metricColumns(results), differences);
  }

  /** Returns the report as Markdown: a table of mean ± std per group and a table of differences. */
  public String toMarkdown() {
    return ReportTables.markdown(this);
  }

  /** Returns the report as CSV: one row per group, with mean, std and the mR difference columns. */
  public String toCsv() {
    return ReportTables.csv(this);
  }

  private static List<String> metricColumns(List<CellResult> results) {
    Set<String> present = new LinkedHashSet<>();
    results.forEach(result -> present.addAll(result.testMetrics().keySet()));
    List<String> columns = new ArrayList<>();
    for (String metric : LEADING_METRICS) {
      if (present.remove(metric)) {
        columns.add(metric);
      }
    }
    present.stream().sorted().forEach(columns::add);
    return columns;
  }
}
