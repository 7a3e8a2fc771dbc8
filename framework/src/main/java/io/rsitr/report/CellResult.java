package io.rsitr.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The test result of one ablation cell's run.
 *
 * @param groupLabel the cell label without its seed, shared by the cells that differ only by seed
 * @param testMetrics test metrics keyed without the {@code test/} prefix
 */
public record CellResult(String cellLabel, String groupLabel, long seed, String runId,
    Map<String, Double> testMetrics, QueryRanks ranks) {

  public CellResult {
    Objects.requireNonNull(cellLabel, "cellLabel");
    Objects.requireNonNull(groupLabel, "groupLabel");
    Objects.requireNonNull(ranks, "ranks");
    testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
  }
}
