package io.rsitr.spec;

import java.util.Objects;

/**
 * One problem found in an experiment configuration.
 *
 * @param location where the offending key or value was written
 * @param keyPath the key path as the user wrote it, for example {@code train.epochs} or {@code eval.ks[1]}
 * @param value the offending value as written, or {@code null} when the problem is a missing value
 * @param message what is wrong and what is allowed
 * @param suggestion the nearest valid key or value, or {@code null} when nothing is close
 */
public record ConfigProblem(
    SourceLocation location, String keyPath, String value, String message, String suggestion) {

  public ConfigProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(message, "message");
  }

  public String file() {
    return location.file();
  }

  /** Returns the 1-based line, or 0 when the source has no lines (a command-line override). */
  public int line() {
    return location.line();
  }

  /** Returns the 1-based column, or 0 when the source has no lines (a command-line override). */
  public int column() {
    return location.column();
  }

  /** Renders the problem as one line: {@code file:line:column: keyPath: message; did you mean 'x'?}. */
  public String render() {
    StringBuilder line = new StringBuilder(location.toString()).append(": ");
    if (!keyPath.isEmpty()) {
      line.append(keyPath).append(": ");
    }
    line.append(message);
    if (suggestion != null) {
      line.append("; did you mean '").append(suggestion).append("'?");
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
