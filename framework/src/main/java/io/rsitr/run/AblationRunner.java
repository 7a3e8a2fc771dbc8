package io.rsitr.run;

import io.rsitr.report.AblationReport;
import io.rsitr.report.CellResult;
import io.rsitr.report.PairedBootstrap;
import io.rsitr.report.QueryRanks;
import io.rsitr.spec.AblationCell;
import io.rsitr.spec.AblationGrid;
import io.rsitr.spec.AblationLabels;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.track.RunInfo;
import io.rsitr.track.RunStatus;
import io.rsitr.track.TrackedRun;
import io.rsitr.track.Tracker;
import io.rsitr.train.TrainingInterruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ablation grid as one parent run with one child run per cell, then logs a report on the
 * parent.
 *
 * <p>Running the same grid again continues it: the parent is found by its config hash, which
 * covers the grid, and a child that already FINISHED with the same cell config hash is reused
 * with its recorded metrics instead of being trained again.
 */
public final class AblationRunner {

  static final String ABLATION_TAG = "rsitr.ablation";
  static final String CONFIG_HASH_TAG = "rsitr.config_hash";
  static final String CELL_TAG = "rsitr.cell";
  static final String PARENT_RUN_ID_TAG = "mlflow.parentRunId";
  static final String RUN_NAME_TAG = "mlflow.runName";
  static final String REPORT_MARKDOWN = "ablation_report.md";
  static final String REPORT_CSV = "ablation_report.csv";
  static final String TEST_RANKS = "test_ranks.json";
  private static final String SEED_KEY = "seed";

  private static final Logger LOG = LoggerFactory.getLogger(AblationRunner.class);

  private final ExperimentRunner runner;
  private final Tracker tracker;
  private final PairedBootstrap bootstrap;

  public AblationRunner(ExperimentRunner runner, Tracker tracker, PairedBootstrap bootstrap) {
    this.runner = runner;
    this.tracker = tracker;
    this.bootstrap = bootstrap;
  }

  /**
   * Trains every cell of the spec's grid that has no finished child yet and reports on all cells.
   *
   * <p>NOTE: two invocations of the same grid at once both find the same parent and may train the
   * same cell twice, because a cell counts as done only once its child has FINISHED.
   *
   * @throws IllegalArgumentException when the spec has no ablation grid or a name MLflow rejects
   */
  public AblationOutcome run(ExperimentSpec spec) {
    AblationGrid grid = spec.ablation().orElseThrow(() -> new IllegalArgumentException(
        "Experiment '" + spec.name() + "' has no ablation section; train it as a single run"));
    TrackingNames.checkSpec(spec);
    grid.cells().forEach(cell -> TrackingNames.checkSpec(cell.spec()));
    tracker.checkAvailable();

    String experiment = spec.section("tracking").getString("experiment");
    TrackedRun parent = findOrStartParent(spec, grid, experiment);
    Path reportFolder = Path.of(spec.section("runtime").getString("output_dir")).resolve(parent.runId());
    RunStatus status = RunStatus.FAILED;
    try {
      List<CellResult> results = new ArrayList<>();
      List<String> reused = new ArrayList<>();
      for (AblationCell cell : grid.cells()) {
        results.add(runCell(cell, grid.size(), experiment, parent.runId(), reportFolder, reused));
      }
      AblationReport report = AblationReport.build(results, groupLabel(grid.baselineCell()), bootstrap);
      logReport(parent, report, reportFolder);
      status = RunStatus.FINISHED;
      return new AblationOutcome(parent.runId(), results, reused, report, reportFolder);
    } catch (TrainingInterruptedException e) {
      status = RunStatus.KILLED;
      throw e;
    } finally {
      parent.end(status);
    }
  }

  /** Returns the cell label without its seed, shared by the cells that differ only by seed. */
  static String groupLabel(AblationCell cell) {
    Map<String, Object> overrides = new LinkedHashMap<>(cell.overrides());
    overrides.remove(SEED_KEY);
    return AblationLabels.label(overrides);
  }

  /** Returns the tags of a child run: its cell label, its index, and one tag per varied key. */
  static Map<String, String> cellTags(AblationCell cell, String runName) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(ABLATION_TAG, "child");
    tags.put(CELL_TAG, cell.label());
    tags.put(CELL_TAG + "_index", Integer.toString(cell.index()));
    cell.overrides().forEach((key, value) -> tags.put(CELL_TAG + "." + key, AblationLabels.formatValue(value)));
    tags.put(RUN_NAME_TAG, runName + " " + cell.label());
    return tags;
  }

  private TrackedRun findOrStartParent(ExperimentSpec spec, AblationGrid grid, String experiment) {
    Map<String, String> identity = Map.of(ABLATION_TAG, "parent", CONFIG_HASH_TAG, spec.configHash());
    List<RunInfo> earlier = tracker.findRuns(experiment, identity);
    if (!earlier.isEmpty()) {
      RunInfo latest = earlier.get(0);
      LOG.info("Continuing ablation parent run {} (status {}) of experiment '{}' with config hash {}",
          latest.runId(), latest.status(), experiment, spec.configHash());
      return tracker.resumeRun(latest.runId());
    }

    Map<String, String> tags = new LinkedHashMap<>(identity);
    tags.put(ABLATION_TAG + ".cells", Integer.toString(grid.size()));
    tags.put(ABLATION_TAG + ".baseline", grid.baselineCell().label());
    grid.axes().forEach(axis -> tags.put(ABLATION_TAG + ".grid." + axis.keyPath(),
        AblationLabels.formatValue(axis.values())));
    tags.put("mlflow.source.name", spec.sourceFile().toString());
    TrackedRun parent = tracker.startRun(experiment, spec.name() + " ablation", tags, null);
    parent.logParams(spec.flatParams());
    logText(parent, spec.resolvedYaml(), "resolved_config.yaml", null);
    LOG.info("Started ablation parent run {} with {} cells in experiment '{}'", parent.runId(), grid.size(),
        experiment);
    return parent;
  }

  private CellResult runCell(AblationCell cell, int cellCount, String experiment, String parentRunId,
      Path reportFolder, List<String> reused) {
    ExperimentSpec cellSpec = cell.spec();
    Optional<RunInfo> finished = tracker.findRuns(experiment,
            Map.of(PARENT_RUN_ID_TAG, parentRunId, CONFIG_HASH_TAG, cellSpec.configHash()))
        .stream()
        .filter(RunInfo::isFinished)
        .findFirst();
    if (finished.isPresent()) {
      LOG.info("Cell {}/{} ({}) finished earlier in run {}; reusing its metrics", cell.index() + 1, cellCount,
          cell.label(), finished.get().runId());
      reused.add(finished.get().runId());
      return reusedResult(cell, finished.get(), reportFolder);
    }

    LOG.info("Training cell {}/{}: {}", cell.index() + 1, cellCount, cell.label());
    String runName = cellSpec.section("tracking").getString("run_name");
    Map<String, String> tags = cellTags(cell, runName.isEmpty() ? cellSpec.name() : runName);
    RunOutcome outcome = runner.train(cellSpec, null, parentRunId, tags);
    QueryRanks ranks = QueryRanks.read(outcome.runFolder().resolve(TEST_RANKS));
    return new CellResult(cell.label(), groupLabel(cell), cellSpec.seed(), outcome.runId(),
        outcome.testMetrics(), ranks);
  }

  private CellResult reusedResult(AblationCell cell, RunInfo run, Path reportFolder) {
    Map<String, Double> testMetrics = new LinkedHashMap<>();
    run.metrics().forEach((key, value) -> {
      if (key.startsWith("test/")) {
        testMetrics.put(key.substring("test/".length()), value);
      }
    });
    Path ranksFile = tracker.downloadArtifact(run.runId(), TEST_RANKS,
        reportFolder.resolve("cells").resolve(run.runId()));
    return new CellResult(cell.label(), groupLabel(cell), cell.spec().seed(), run.runId(), testMetrics,
        QueryRanks.read(ranksFile));
  }

  private void logReport(TrackedRun parent, AblationReport report, Path reportFolder) {
    logText(parent, report.toMarkdown(), REPORT_MARKDOWN, reportFolder);
    logText(parent, report.toCsv(), REPORT_CSV, reportFolder);
  }

  /** Writes {@code text} to {@code folder/fileName} (a new temporary folder when null) and logs it. */
  private static void logText(TrackedRun run, String text, String fileName, Path folder) {
    try {
      Path target = folder == null ? Files.createTempDirectory("rsitr-ablation") : folder;
      Files.createDirectories(target);
      Path file = target.resolve(fileName);
      Files.writeString(file, text);
      run.logArtifact(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to write " + fileName + " of run " + run.runId(), e);
    }
  }
}
