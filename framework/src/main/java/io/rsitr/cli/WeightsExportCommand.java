package io.rsitr.cli;

import io.rsitr.weights.SafetensorsWriter;
import io.rsitr.weights.StateDict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Converts any readable weight file to safetensors, keeping tensor names and file order. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write the tensors of a weight file to a safetensors file, as float32, in the source's order.")
final class WeightsExportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "PyTorch zip checkpoint or safetensors file")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "OUT.safetensors",
      description = "file to write; an existing file is replaced")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (out.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--out " + out + " is the input file; choose another output file");
    }
    StateDict weights = WeightFiles.read(file);
    try {
      SafetensorsWriter.write(weights, out);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + out + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d tensors, %,d parameters, to %s%n", weights.size(),
        weights.parameterCount(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
