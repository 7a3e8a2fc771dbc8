package io.rsitr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rsitr.bench.Benchmark;
import io.rsitr.bench.BenchmarkOptions;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Measures training, data pipeline and evaluation speed of an experiment and prints them as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure an experiment's configuration: training pairs/s on random inputs, data pipeline"
        + " images/s, test evaluation seconds and peak memory, printed as one JSON object. Nothing is tracked.")
final class BenchCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(index = "0", paramLabel = "FILE.yaml", description = "experiment file")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a value, for example train.batch_size=16")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--steps", defaultValue = "10", paramLabel = "N",
      description = "timed training steps, and pipeline batches timed (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--warmup", defaultValue = "2", paramLabel = "N",
      description = "untimed training steps before the timed ones (default: ${DEFAULT-VALUE})")
  int warmupSteps;

  @Option(names = "--no-pipeline", description = "skip timing the data pipeline")
  boolean noPipeline;

  @Option(names = "--no-eval", description = "skip timing the evaluation of the test split")
  boolean noEval;

  @Option(names = "--out", paramLabel = "FILE.json", description = "also write the JSON to this file")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    BenchmarkOptions options = new BenchmarkOptions(steps, warmupSteps, !noPipeline, !noEval);
    PluginRegistry registry = PluginRegistry.discover();
    ExperimentSpec experiment = Experiments.load(registry, file, overrides);

    Map<String, Object> report = new Benchmark(registry).run(experiment, options);

    String json = JSON.writeValueAsString(report);
    if (out != null) {
      Files.writeString(out, json + System.lineSeparator());
    }
    spec.commandLine().getOut().println(json);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
