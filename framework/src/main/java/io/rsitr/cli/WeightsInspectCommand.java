package io.rsitr.cli;

import io.rsitr.weights.WeightsInspector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints every tensor of a weight file with its shape and dtype, then the totals. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "List the tensors of a weight file: name, shape and stored dtype, then the tensor and"
        + " parameter counts.")
final class WeightsInspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "PyTorch zip checkpoint or safetensors file")
  Path file;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WeightsInspector.describe(WeightFiles.read(file)).forEach(out::println);
    out.flush();
    return 0;
  }
}
