package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.plugin.PluginRegistry;
import io.rsitr.report.CellResult;
import io.rsitr.report.PairedBootstrap;
import io.rsitr.run.AblationOutcome;
import io.rsitr.run.AblationRunner;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.track.LocalMlflowStore;
import io.rsitr.track.RunInfo;
import io.rsitr.train.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the tiny 2×2 smoke ablation into a local store twice: the second run reuses every cell. */
class AblationLocalStoreTest {

  @TempDir Path dir;

  @Test
  void secondRunReusesFinishedCells() throws Exception {
    Path store = dir.resolve("mlruns");
    ExperimentSpec spec = AblationFixtures.loadTinyAblation(dir.resolve("runs"), "ablation-local", "file:" + store);

    AblationOutcome first = runAblation(store, spec);
    AblationOutcome second = runAblation(store, spec);

    assertThat(first.cells()).as("one result per cell").hasSize(4);
    assertThat(first.reusedRunIds()).as("first invocation trains every cell").isEmpty();
    assertThat(second.parentRunId()).as("the parent is found again by its config hash")
        .isEqualTo(first.parentRunId());
    assertThat(second.reusedRunIds()).as("second invocation trains nothing")
        .containsExactlyInAnyOrderElementsOf(first.cells().stream().map(CellResult::runId).toList());
    for (int i = 0; i < 4; i++) {
      assertThat(second.cells().get(i).testMetrics()).as("metrics read back for cell %d", i)
          .containsEntry("mr", first.cells().get(i).testMetrics().get("mr"));
    }
    assertThat(second.report().differences()).as("bootstrap intervals of the reused cells")
        .isEqualTo(first.report().differences());

    try (LocalMlflowStore tracker = new LocalMlflowStore(store)) {
      List<RunInfo> parents = tracker.findRuns("ablation-local", Map.of("rsitr.ablation", "parent"));
      List<RunInfo> children = tracker.findRuns("ablation-local",
          Map.of("mlflow.parentRunId", first.parentRunId()));
      assertThat(parents).as("one parent run").hasSize(1);
      assertThat(parents.get(0).status()).isEqualTo("FINISHED");
      assertThat(parents.get(0).tags()).containsEntry("rsitr.ablation.grid.seed", "[1,2]")
          .containsEntry("rsitr.ablation.baseline", "loss.momentum_targets=false,seed=1");
      assertThat(children).as("four children, none trained twice").hasSize(4);
      assertThat(children).extracting(child -> child.tags().get("rsitr.cell")).containsExactlyInAnyOrder(
          "loss.momentum_targets=false,seed=1", "loss.momentum_targets=false,seed=2",
          "loss.momentum_targets=true,seed=1", "loss.momentum_targets=true,seed=2");
    }
    String markdown = Files.readString(first.reportFolder().resolve("ablation_report.md"));
    assertThat(markdown).contains("| loss.momentum_targets=false (baseline) | 1 2 |")
        .contains("| loss.momentum_targets=true | 2 |");
    assertThat(first.reportFolder().resolve("ablation_report.csv")).exists();
  }

  private static AblationOutcome runAblation(Path store, ExperimentSpec spec) {
    try (LocalMlflowStore tracker = new LocalMlflowStore(store)) {
      ExperimentRunner runner = new ExperimentRunner(PluginRegistry.discover(), tracker, ProgressListener.silent());
      return new AblationRunner(runner, tracker, new PairedBootstrap(200, 1L)).run(spec);
    }
  }
}
