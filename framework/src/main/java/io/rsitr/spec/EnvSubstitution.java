package io.rsitr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${env:NAME:-default}} in every string scalar of a tree.
 *
 * <p>As in POSIX shells, the default applies when the variable is unset or empty. A reference may
 * sit inside a longer string ({@code ${env:RSITR_DATA:-../data}/rsicd}). {@code $${env:...}} stays
 * literal, written without the first {@code $}. Other {@code ${...}} forms are left untouched. A scalar
 * that received a value from the environment is resolved against the working directory when it is a
 * path, because the environment does not belong to any YAML file.
 */
final class EnvSubstitution {

  private static final String OPEN = "${env:";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> environment;
  private final List<ConfigProblem> problems;

  EnvSubstitution(Map<String, String> environment, List<ConfigProblem> problems) {
    this.environment = environment;
    this.problems = problems;
  }

  ConfigNode apply(ConfigNode node, String keyPath) {
    if (node instanceof ConfigScalar scalar) {
      return substitute(scalar, keyPath);
    }
    if (node instanceof ConfigList list) {
      List<ConfigNode> items = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        items.add(apply(list.items().get(i), keyPath + "[" + i + "]"));
      }
      return new ConfigList(items, list.location());
    }
    ConfigMap map = (ConfigMap) node;
    List<ConfigMap.Entry> entries = new ArrayList<>();
    for (ConfigMap.Entry entry : map.entries()) {
      String childPath = keyPath.isEmpty() ? entry.key() : keyPath + "." + entry.key();
      entries.add(new ConfigMap.Entry(entry.key(), entry.keyLocation(), apply(entry.value(), childPath)));
    }
    return new ConfigMap(entries, map.location());
  }

  private ConfigScalar substitute(ConfigScalar scalar, String keyPath) {
    String text = scalar.text();
    if (!text.contains(OPEN)) {
      return scalar;
    }
    StringBuilder result = new StringBuilder();
    boolean usedEnvironment = false;
    int position = 0;
    while (position < text.length()) {
      int start = text.indexOf(OPEN, position);
      if (start < 0) {
        result.append(text, position, text.length());
        break;
      }
      if (start > 0 && text.charAt(start - 1) == '$') {
        result.append(text, position, start - 1).append(OPEN);
        position = start + OPEN.length();
        continue;
      }
      result.append(text, position, start);
      int end = text.indexOf('}', start);
      if (end < 0) {
        problems.add(new ConfigProblem(scalar.location(), keyPath, text,
            "unterminated environment reference; write ${env:NAME} or ${env:NAME:-default}", null));
        return scalar;
      }
      String reference = text.substring(start + OPEN.length(), end);
      String replacement = resolve(reference, scalar, keyPath);
      if (replacement == null) {
        return scalar;
      }
      usedEnvironment |= !replacement.isEmpty() && isSet(variableName(reference));
      result.append(replacement);
      position = end + 1;
    }
    return new ConfigScalar(result.toString(), scalar.quoted(), scalar.location(),
        usedEnvironment ? null : scalar.baseDirectory());
  }

  /** Returns the value for one reference, or {@code null} after adding a problem. */
  private String resolve(String reference, ConfigScalar scalar, String keyPath) {
    String name = variableName(reference);
    if (!NAME.matcher(name).matches()) {
      problems.add(new ConfigProblem(scalar.location(), keyPath, scalar.text(),
          "invalid environment variable name '" + name + "'; use letters, digits and underscores", null));
      return null;
    }
    int separator = reference.indexOf(":-");
    String value = environment.get(name);
    if (separator >= 0) {
      return isSet(name) ? value : reference.substring(separator + 2);
    }
    if (value != null) {
      return value;
    }
    problems.add(new ConfigProblem(scalar.location(), keyPath, scalar.text(),
        "environment variable " + name + " is not set; set it or write ${env:" + name + ":-default}", null));
    return null;
  }

  private boolean isSet(String name) {
    String value = environment.get(name);
    return value != null && !value.isEmpty();
  }

  private static String variableName(String reference) {
    int separator = reference.indexOf(":-");
    return separator >= 0 ? reference.substring(0, separator) : reference;
  }
}
