package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.e2e.ValidateCommandTest.CommandOutput;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.run.FrameworkSections;
import io.rsitr.run.RunOutcome;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.testing.SharedFiles;
import io.rsitr.track.LocalMlflowStore;
import io.rsitr.train.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsitr eval} on a run trained in the test reproduces the test metrics that training reported. */
class EvalCommandTest {

  @TempDir Path dir;

  @Test
  void evalReproducesTrainingTestMetrics() throws Exception {
    RunOutcome outcome = trainTinySmokeRun();

    CommandOutput output = ValidateCommandTest.run("eval", "--checkpoint", outcome.runFolder().toString());

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(output.out());
    assertThat(report.get("split").asText()).isEqualTo("test");
    assertThat(report.get("checkpoint").asText()).isEqualTo("best");
    assertThat(report.get("run_id").asText()).isEqualTo(outcome.runId());
    assertThat(report.get("images").asInt()).as("test images").isEqualTo(32);
    assertThat(report.get("reranked").asBoolean()).as("the none interaction does not re-rank").isFalse();
    JsonNode metrics = report.get("metrics");
    assertThat(metrics.get("mr").asDouble()).as("test mR of eval and of training")
        .isEqualTo(outcome.testMetrics().get("mr"));
    for (String key : List.of("i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1", "t2i_r5", "t2i_r10", "i2t_ece",
        "i2t_mean_gap", "t2i_ece", "t2i_mean_gap")) {
      assertThat(metrics.get(key).asDouble()).as("test %s of eval and of training", key)
          .isEqualTo(outcome.testMetrics().get(key));
    }
  }

  @Test
  void valSplitIsScoredOnRequest() throws Exception {
    RunOutcome outcome = trainTinySmokeRun();

    CommandOutput output = ValidateCommandTest.run("eval", "--checkpoint", outcome.runFolder().toString(),
        "--split", "val", "--set", "eval.batch_size=7");

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(output.out());
    assertThat(report.get("split").asText()).isEqualTo("val");
    assertThat(report.get("captions").asInt()).as("val captions: 32 images × 5").isEqualTo(160);
    assertThat(report.get("metrics").get("mr").asDouble()).as("val mR is a percentage").isBetween(0.0, 100.0);
  }

  @Test
  void folderWithoutCheckpointIsInvalidInput() {
    CommandOutput output = ValidateCommandTest.run("eval", "--checkpoint", dir.toString());

    assertThat(output.exitCode()).as("exit code").isEqualTo(2);
    assertThat(output.err()).contains("no checkpoint").contains("checkpoints/best");
  }

  @Test
  void unknownSplitIsInvalidInput() {
    CommandOutput output = ValidateCommandTest.run("eval", "--checkpoint", dir.toString(), "--split", "train");

    assertThat(output.exitCode()).as("exit code").isEqualTo(2);
    assertThat(output.err()).contains("--split is 'train'; use test or val");
  }

  private RunOutcome trainTinySmokeRun() {
    PluginRegistry registry = PluginRegistry.discover();
    ExperimentLoader loader = new ExperimentLoader(registry.schema(FrameworkSections.all()));
    ExperimentSpec spec = loader.load(SharedFiles.projectRoot().resolve("experiments/smoke.yaml"), List.of(
        "train.epochs=1", "train.max_steps_per_epoch=3", "dataset.train_images=128", "dataset.val_images=32",
        "dataset.test_images=32", "runtime.output_dir=" + dir.resolve("runs")), Map.of());
    try (LocalMlflowStore tracker = new LocalMlflowStore(dir.resolve("mlruns"))) {
      return new ExperimentRunner(registry, tracker, ProgressListener.silent()).train(spec, null, null);
    }
  }
}
