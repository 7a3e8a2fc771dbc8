package io.rsitr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rsitr weights} group: list the tensors of weight files and convert them to safetensors. */
@Command(name = "weights", mixinStandardHelpOptions = true,
    description = "Inspect or convert weight files (.pth, .pt, .bin or .safetensors).",
    subcommands = {WeightsInspectCommand.class, WeightsExportCommand.class})
final class WeightsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
