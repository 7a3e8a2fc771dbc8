package io.rsitr.run;

import io.rsitr.report.AblationReport;
import io.rsitr.report.CellResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of an ablation: the parent run, one result per cell and the report.
 *
 * @param reusedRunIds the children that finished in an earlier invocation and were not trained again
 * @param reportFolder the local folder with {@code ablation_report.md} and {@code ablation_report.csv}
 */
public record AblationOutcome(
    String parentRunId,
    List<CellResult> cells,
    List<String> reusedRunIds,
    AblationReport report,
    Path reportFolder) {

  public AblationOutcome {
    cells = List.copyOf(cells);
    reusedRunIds = List.copyOf(reusedRunIds);
  }
}
