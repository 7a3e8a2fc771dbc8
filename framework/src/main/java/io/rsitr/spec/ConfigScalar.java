package io.rsitr.spec;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A YAML scalar, kept as the text the user wrote.
 *
 * <p>Typing happens later, against the declared parameter type, so that {@code 2e-5} (a string in
 * YAML 1.1) can still be read as a number. {@code quoted} is true for single- or double-quoted
 * scalars and for an explicit {@code !!str} tag. {@code baseDirectory} is the directory that a
 * relative path in this scalar is resolved against: the directory of the YAML file that set it, or
 * {@code null} for the working directory (command-line overrides and environment values).
 */
public record ConfigScalar(String text, boolean quoted, SourceLocation location, Path baseDirectory)
    implements ConfigNode {

  /** Plain scalars that YAML 1.1 reads as null. */
  private static final Set<String> NULL_SPELLINGS = Set.of("", "~", "null", "Null", "NULL");

  public ConfigScalar {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
  }

  public boolean isNull() {
    return !quoted && NULL_SPELLINGS.contains(text);
  }

  /** Returns the value as YAML 1.1 would type it, except that numbers use {@link NumberSyntax}. */
  @Override
  public Object toPlainValue() {
    if (quoted) {
      return text;
    }
    if (isNull()) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    Object number = NumberSyntax.parseLoose(text);
    return number != null ? number : text;
  }
}
