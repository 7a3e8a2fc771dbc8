package io.rsitr.spec;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an experiment configuration has one or more problems; all of them are reported
 * together, sorted by file, line and column.
 */
public class ConfigException extends RuntimeException {

  private static final Comparator<ConfigProblem> BY_LOCATION = Comparator
      .comparing((ConfigProblem problem) -> problem.file())
      .thenComparingInt(ConfigProblem::line)
      .thenComparingInt(ConfigProblem::column);

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = problems.stream().sorted(BY_LOCATION).toList();
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  /** Returns one line per problem. */
  @Override
  public String getMessage() {
    return problems.stream().map(ConfigProblem::render).collect(Collectors.joining("\n"));
  }
}
