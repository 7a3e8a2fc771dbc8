package io.rsitr.cli;

import io.rsitr.plugin.PluginRegistry;
import io.rsitr.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the resolved configuration of an experiment, or every problem in it with exit code 2. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Resolve and validate an experiment YAML; print the resolved config or every problem (exit code 2).")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.yaml", description = "experiment file")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a value, for example train.epochs=3")
  List<String> overrides = new ArrayList<>();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ExperimentSpec experiment = Experiments.load(PluginRegistry.discover(), file, overrides);
    spec.commandLine().getOut().print(experiment.resolvedYaml());
    spec.commandLine().getOut().println("# config hash: " + experiment.configHash());
    return 0;
  }
}
