package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a shortened smoke experiment end to end and reads the run back, with MLflow's Python client
 * when {@code RSITR_MLFLOW_PYTHON} names a Python with mlflow installed (CI sets it).
 */
class SmokeTrainingTest {

  @TempDir Path dir;

  @Test
  void shortSmokeRunLandsInMlflowStore() throws Exception {
    Path store = dir.resolve("mlruns");
    ExperimentSpec spec = loadSmoke(List.of(
        "train.epochs=2", "train.max_steps_per_epoch=6", "train.log_every=2",
        "dataset.train_images=256", "dataset.val_images=64", "dataset.test_images=64",
        "runtime.output_dir=" + dir.resolve("runs")));

    RunOutcome outcome;
    try (LocalMlflowStore tracker = new LocalMlflowStore(store)) {
      outcome = new ExperimentRunner(PluginRegistry.discover(), tracker, ProgressListener.silent())
          .train(spec, null, null);
    }

    assertThat(outcome.testMetrics()).as("test metrics").containsKeys("i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1",
        "t2i_r5", "t2i_r10", "mr", "i2t_ece", "t2i_ece");
    assertThat(outcome.testMetrics().get("mr")).as("test mR is a percentage").isBetween(0.0, 100.0);
    assertThat(outcome.runFolder().resolve("checkpoints/best/state.json")).exists();
    assertThat(outcome.runFolder().resolve("checkpoints/latest/state.json")).exists();

    JsonNode run = readBackWithPython(store, outcome.runId());
    assertThat(run.get("status").asText()).isEqualTo("FINISHED");
    assertThat(run.get("params").get("backbone.name").asText()).isEqualTo("clip");
    assertThat(run.get("params").get("train.epochs").asText()).isEqualTo("2");
    assertThat(run.get("params").get("train.beta2").asText()).as("defaults are params too").isEqualTo("0.98");
    assertThat(run.get("tags").get("rsitr.loss").asText()).isEqualTo("infonce");
    assertThat(run.get("tags").get("rsitr.seed").asText()).isEqualTo("42");
    assertThat(run.get("tags").get("rsitr.config_hash").asText()).isEqualTo(spec.configHash());
    JsonNode history = run.get("train_loss");
    assertThat(history.size()).as("train/loss points: steps 0, 2, 4, 5 of each epoch").isEqualTo(8);
    assertThat(history.get(0).get("step").asLong()).isZero();
    assertThat(history.get(history.size() - 1).get("step").asLong()).isEqualTo(11);
    assertThat(history.get(0).get("timestamp").asLong()).as("timestamp in ms").isGreaterThan(1_600_000_000_000L);
    assertThat(run.get("metrics").has("test/mr")).isTrue();
    assertThat(run.get("metrics").has("val/mr")).isTrue();
    assertThat(run.get("artifacts").toString()).contains("resolved_config.yaml").contains("final_metrics.json");
  }

  private static ExperimentSpec loadSmoke(List<String> overrides) {
    PluginRegistry registry = PluginRegistry.discover();
    ExperimentLoader loader = new ExperimentLoader(registry.schema(FrameworkSections.all()));
    return loader.load(SharedFiles.projectRoot().resolve("experiments/smoke.yaml"), overrides, Map.of());
  }

  private static JsonNode readBackWithPython(Path store, String runId) throws IOException, InterruptedException {
    String python = System.getenv("RSITR_MLFLOW_PYTHON");
    assumeTrue(python != null && !python.isBlank(),
        "skipped the MLflow read-back: set RSITR_MLFLOW_PYTHON to a Python with mlflow==2.17.2 (.ci/run does)");
    Path script = Path.of("src/test/resources/read_training_run.py").toAbsolutePath();
    Process process = new ProcessBuilder(python, script.toString(), "file:" + store.toAbsolutePath(), runId)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("python finished").isTrue();
    assertThat(process.exitValue()).as("python exit code; output: %s", output).isZero();
    return new ObjectMapper().readTree(output.lines().reduce((first, second) -> second).orElse("{}"));
  }
}
