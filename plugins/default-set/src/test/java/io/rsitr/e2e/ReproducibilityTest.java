package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.run.FrameworkSections;
import io.rsitr.run.RunOutcome;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.testing.SharedFiles;
import io.rsitr.track.LocalMlflowStore;
import io.rsitr.train.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same numbers: two runs of the tiny RSICD mini configuration agree exactly, and a run
 * killed with SIGKILL in epoch 2 and resumed ends where an uninterrupted run ends.
 */
class ReproducibilityTest {

  private static final Pattern RUN_STARTED = Pattern.compile("run ([0-9a-f]{32}) started");
  private static final Pattern EPOCH_TWO_STEP = Pattern.compile("epoch 2/3 {2}step 6/12");

  @TempDir Path dir;

  private ExperimentSpec spec(List<String> overrides) {
    SharedFiles.require("data/rsicd/rsicd_mini_train.json");
    ExperimentLoader loader = new ExperimentLoader(PluginRegistry.discover().schema(FrameworkSections.all()));
    List<String> all = new ArrayList<>(overrides);
    all.add("runtime.output_dir=" + dir.resolve("runs"));
    return loader.load(SharedFiles.projectRoot().resolve("experiments/tiny-rsicd-mini.yaml"), all, environment());
  }

  private static Map<String, String> environment() {
    return Map.of("RSITR_DATA", SharedFiles.sharedRoot().resolve("data").toString(),
        "RSITR_VOCAB", SharedFiles.sharedRoot().resolve("vocab/bpe_simple_vocab_16e6.txt.gz").toString());
  }

  private RunOutcome train(ExperimentSpec spec, Path store) {
    try (LocalMlflowStore tracker = new LocalMlflowStore(store)) {
      return new ExperimentRunner(PluginRegistry.discover(), tracker, ProgressListener.silent()).train(spec, null, null);
    }
  }

  private static List<String> metricLines(Path store, String runId, String metric) throws IOException {
    try (var experiments = Files.list(store)) {
      for (Path experiment : experiments.toList()) {
        Path file = experiment.resolve(runId).resolve("metrics").resolve(metric);
        if (Files.exists(file)) {
          // Lines are "timestamp value step"; timestamps differ between runs by design.
          return Files.readAllLines(file).stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
        }
      }
    }
    throw new AssertionError("metric " + metric + " of run " + runId + " not found in " + store);
  }

  @Test
  void sameSeedGivesIdenticalValidationMetrics() throws IOException {
    Path store = dir.resolve("mlruns");
    RunOutcome first = train(spec(List.of()), store);
    RunOutcome second = train(spec(List.of()), store);

    for (String metric : List.of("val/mr", "val/i2t_r1", "val/t2i_r10", "val/dual_mr", "val/i2t_ece", "train/loss")) {
      assertThat(metricLines(store, second.runId(), metric)).as(metric + " of the second run")
          .isEqualTo(metricLines(store, first.runId(), metric));
    }
    assertThat(second.testMetrics()).as("test metrics").isEqualTo(first.testMetrics());
  }

  @Test
  void runKilledInEpochTwoResumesToSameMetrics() throws Exception {
    List<String> threeEpochs = List.of("train.epochs=3", "train.log_every=1");
    RunOutcome uninterrupted = train(spec(threeEpochs), dir.resolve("mlruns-reference"));

    Path yaml = SharedFiles.projectRoot().resolve("experiments/tiny-rsicd-mini.yaml");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.rsitr.cli.Main", "train", yaml.toString(),
        "--set", "train.epochs=3", "--set", "train.log_every=1",
        "--set", "runtime.output_dir=" + dir.resolve("runs"),
        "--set", "tracking.uri=file:" + dir.resolve("mlruns")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment());
    Process process = builder.start();
    String runId = null;
    boolean killed = false;
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        Matcher started = RUN_STARTED.matcher(line);
        if (started.find()) {
          runId = started.group(1);
        }
        if (EPOCH_TWO_STEP.matcher(line).find()) {
          process.destroyForcibly();
          killed = true;
          break;
        }
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed process exited").isTrue();
    assertThat(killed).as("the run reached epoch 2 before it was killed").isTrue();
    assertThat(runId).as("run id printed at start").isNotNull();

    RunOutcome outcome;
    try (LocalMlflowStore tracker = new LocalMlflowStore(dir.resolve("mlruns"))) {
      outcome = new ExperimentRunner(PluginRegistry.discover(), tracker, ProgressListener.silent())
          .train(spec(threeEpochs), runId, null);
    }

    assertThat(outcome.runId()).as("the resumed run continues the same tracked run").isEqualTo(runId);
    assertThat(outcome.testMetrics()).as("final test metrics after resume").isEqualTo(uninterrupted.testMetrics());
  }
}
