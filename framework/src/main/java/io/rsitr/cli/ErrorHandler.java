package io.rsitr.cli;

import io.rsitr.spec.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one readable message and an exit code: 2 for invalid configuration or
 * input, 1 for failures while running. The stack trace goes to the log at DEBUG.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  static final int INVALID_INPUT = 2;
  static final int FAILED = 1;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    LOG.debug("command failed", e);
    if (e instanceof ConfigException config) {
      int count = config.problems().size();
      commandLine.getErr().println("invalid experiment configuration (" + count + (count == 1 ? " problem):" : " problems):"));
      commandLine.getErr().println(config.getMessage());
      return INVALID_INPUT;
    }
    if (e instanceof IllegalArgumentException) {
      commandLine.getErr().println("error: " + e.getMessage());
      return INVALID_INPUT;
    }
    commandLine.getErr().println("error: " + e.getMessage());
    return FAILED;
  }
}
