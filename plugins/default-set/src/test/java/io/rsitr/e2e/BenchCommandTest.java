package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.e2e.ValidateCommandTest.CommandOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsitr bench} reports every measurement as a positive number on tiny configurations; no timing limits. */
class BenchCommandTest {

  private static final List<String> RATES = List.of("train_seconds", "train_pairs_per_second",
      "pipeline_images_per_second", "pipeline_to_training_ratio", "eval_seconds", "heap_max_used_mib");

  @TempDir Path dir;

  @Test
  void benchReportsPositiveMeasurements() throws Exception {
    Path out = dir.resolve("bench.json");

    CommandOutput output = ValidateCommandTest.run("bench", smoke().toString(), "--steps", "2", "--warmup", "1",
        "--set", "dataset.train_images=96", "--set", "dataset.test_images=16", "--set", "train.batch_size=8",
        "--out", out.toString());

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(output.out());
    for (String key : RATES) {
      assertThat(report.get(key).isNumber()).as("%s is a number in %s", key, report).isTrue();
      assertThat(report.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(report.get("train_steps").asInt()).isEqualTo(2);
    assertThat(report.get("train_warmup_steps").asInt()).isEqualTo(1);
    assertThat(report.get("pipeline_batches").asInt()).isEqualTo(2);
    assertThat(report.get("batch_size").asInt()).isEqualTo(8);
    assertThat(report.get("eval_images").asInt()).isEqualTo(16);
    assertThat(report.get("eval_captions").asInt()).isEqualTo(80);
    assertThat(report.get("eval_reranked").asBoolean()).as("the none interaction does not re-rank").isFalse();
    assertThat(report.get("config_hash").asText()).hasSize(16);
    assertThat(report.get("tensorflow_version").asText()).isNotBlank();
    assertThat(report.get("os_arch").asText()).isEqualTo(System.getProperty("os.arch"));
    assertThat(report.get("available_processors").asInt()).isPositive();
    if (Files.isReadable(Path.of("/proc/self/status"))) {
      assertThat(report.get("peak_rss_mib").asDouble()).as("peak_rss_mib on Linux").isPositive();
    }
    assertThat(new ObjectMapper().readTree(out.toFile())).as("--out file").isEqualTo(report);
  }

  @Test
  void benchTimesRerankingAndSkipsPipeline() throws Exception {
    Path config = ValidateCommandTest.projectRoot().resolve("experiments/bench-rerank-tiny.yaml");

    CommandOutput output = ValidateCommandTest.run("bench", config.toString(), "--steps", "1", "--warmup", "0",
        "--no-pipeline", "--set", "dataset.train_images=16", "--set", "dataset.test_images=12",
        "--set", "train.batch_size=4", "--set", "eval.rerank_k=3");

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(output.out());
    assertThat(report.get("pipeline_images_per_second").isNull()).as("pipeline skipped").isTrue();
    assertThat(report.get("pipeline_to_training_ratio").isNull()).as("ratio skipped").isTrue();
    assertThat(report.get("eval_reranked").asBoolean()).as("lsci re-ranks").isTrue();
    assertThat(report.get("eval_rerank_k").asInt()).isEqualTo(3);
    assertThat(report.get("eval_seconds").asDouble()).isPositive();
    assertThat(report.get("train_pairs_per_second").asDouble()).isPositive();
  }

  @Test
  void noEvalLeavesEvalSecondsNull() throws Exception {
    CommandOutput output = ValidateCommandTest.run("bench", smoke().toString(), "--steps", "1", "--warmup", "0",
        "--no-eval", "--no-pipeline", "--set", "dataset.train_images=16", "--set", "train.batch_size=4");

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(output.out());
    assertThat(report.get("eval_seconds").isNull()).as("evaluation skipped").isTrue();
    assertThat(report.get("train_pairs_per_second").asDouble()).isPositive();
  }

  @Test
  void zeroStepsIsInvalidInput() {
    CommandOutput output = ValidateCommandTest.run("bench", smoke().toString(), "--steps", "0");

    assertThat(output.exitCode()).as("exit code").isEqualTo(2);
    assertThat(output.err()).contains("steps is 0");
  }

  private static Path smoke() {
    return ValidateCommandTest.projectRoot().resolve("experiments/smoke.yaml");
  }
}
