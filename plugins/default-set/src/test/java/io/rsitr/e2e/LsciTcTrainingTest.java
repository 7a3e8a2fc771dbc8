package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.run.FrameworkSections;
import io.rsitr.run.RunOutcome;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.testing.SharedFiles;
import io.rsitr.track.LocalMlflowStore;
import io.rsitr.train.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole method trains on generated data and logs every metric; each ablation cell runs. */
class LsciTcTrainingTest {

  @TempDir Path dir;

  private ExperimentSpec load(String experiment, List<String> overrides) {
    ExperimentLoader loader = new ExperimentLoader(PluginRegistry.discover().schema(FrameworkSections.all()));
    List<String> all = new ArrayList<>(overrides);
    all.add("runtime.output_dir=" + dir.resolve("runs"));
    all.add("dataset.train_images=256");
    all.add("dataset.val_images=48");
    all.add("dataset.test_images=48");
    return loader.load(SharedFiles.projectRoot().resolve("experiments").resolve(experiment), all, Map.of());
  }

  private RunOutcome train(ExperimentSpec spec, Path store) {
    try (LocalMlflowStore tracker = new LocalMlflowStore(store)) {
      return new ExperimentRunner(PluginRegistry.discover(), tracker, ProgressListener.silent()).train(spec, null, null);
    }
  }

  private static List<String> loggedMetrics(Path store, String runId) throws IOException {
    try (Stream<Path> files = Files.walk(store)) {
      return files.filter(path -> path.toString().contains(runId + "/metrics/") && Files.isRegularFile(path))
          .map(path -> path.toString().substring(path.toString().indexOf("/metrics/") + "/metrics/".length()))
          .sorted().toList();
    }
  }

  @Test
  void lsciWithTcLogsEveryMetric() throws IOException {
    Path store = dir.resolve("mlruns");
    RunOutcome outcome = train(load("smoke-lsci-tc.yaml", List.of("train.epochs=2", "train.max_steps_per_epoch=4",
        "train.log_every=1")), store);

    assertThat(loggedMetrics(store, outcome.runId())).as("metrics of an lsci + tc run").contains(
        "train/loss", "train/loss_itc", "train/loss_itm", "train/lr", "train/logit_scale", "train/loss_i2t",
        "val/gamma_i2t", "val/gamma_t2i", "val/i2t_ece", "val/t2i_ece", "val/i2t_mean_gap", "val/t2i_mean_gap",
        "val/mr", "val/i2t_r1", "val/dual_mr", "val/dual_t2i_r10", "test/mr", "test/dual_mr");
    assertThat(outcome.testMetrics().get("mr")).as("test mR after re-ranking").isBetween(0.0, 100.0);
    Path gammaFile;
    try (Stream<Path> files = Files.walk(store)) {
      gammaFile = files.filter(path -> path.toString().endsWith(outcome.runId() + "/metrics/val/gamma_i2t"))
          .findFirst().orElseThrow();
    }
    List<String> gammaLines = Files.readAllLines(gammaFile);
    assertThat(gammaLines).as("one γ value per epoch").hasSize(2);
    double firstGamma = Double.parseDouble(gammaLines.get(0).split(" ")[1]);
    assertThat(Math.abs(firstGamma - 2.0)).as("γ moves at most 0.2 per update from 2.0").isLessThanOrEqualTo(0.2 + 1e-9);
  }

  @Test
  void everyAblationCellRuns() {
    ExperimentSpec spec = load("smoke-lsci-tc-ablation.yaml", List.of("train.max_steps_per_epoch=3"));
    List<ExperimentSpec> cells = ExperimentLoader.expandAblation(spec);
    assertThat(cells).hasSize(4);

    List<String> combinations = new ArrayList<>();
    for (ExperimentSpec cell : cells) {
      RunOutcome outcome = train(cell, dir.resolve("mlruns-ablation"));
      assertThat(outcome.testMetrics()).as("test metrics of %s + %s", cell.plugin(PluginKind.INTERACTION).name(),
          cell.plugin(PluginKind.LOSS).name()).containsKey("mr");
      combinations.add(cell.plugin(PluginKind.INTERACTION).name() + "+" + cell.plugin(PluginKind.LOSS).name());
    }
    assertThat(combinations).containsExactlyInAnyOrder("lsci+tc", "lsci+infonce", "none+tc", "none+infonce");
  }
}
