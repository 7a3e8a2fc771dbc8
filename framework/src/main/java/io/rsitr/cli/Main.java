package io.rsitr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code rsitr} command. */
@Command(
    name = "rsitr",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Remote sensing image-text retrieval experiments: train, validate and inspect.",
    subcommands = {
      TrainCommand.class,
      ValidateCommand.class,
      PluginsCommand.class,
      TokenizeCommand.class,
      MetricsCommand.class,
      WeightsCommand.class,
      EmbedCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    return new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
