package io.rsitr.spec;

import java.util.Objects;

/**
 * Where a configuration value came from: a file as the user named it, with a 1-based line and
 * column, or a source without lines such as a command-line override (line and column 0).
 */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  /** Returns the location of a value set by {@code --set} on the command line. */
  public static SourceLocation commandLine(String override) {
    return new SourceLocation("command line --set " + override, 0, 0);
  }

  /** Returns the start of a file, used for problems that concern the file as a whole. */
  public static SourceLocation startOf(String file) {
    return new SourceLocation(file, 1, 1);
  }

  public boolean hasLine() {
    return line > 0;
  }

  /** Renders {@code file:line:column}, or only the file part when there is no line. */
  @Override
  public String toString() {
    return hasLine() ? file + ":" + line + ":" + column : file;
  }
}
