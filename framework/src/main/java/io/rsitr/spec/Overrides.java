package io.rsitr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code --set key.path=value} arguments and sets values in a tree by key path; ablation
 * cells use the same mechanism.
 */
final class Overrides {

  /** One value to set at a dotted key path. */
  record Assignment(String keyPath, SourceLocation location, ConfigNode value) {}

  private final Set<String> pluginSections;
  private final List<ConfigProblem> problems;

  Overrides(Set<String> pluginSections, List<ConfigProblem> problems) {
    this.pluginSections = Set.copyOf(pluginSections);
    this.problems = problems;
  }

  /**
   * Parses {@code key.path=value} arguments. A value that starts with {@code [}, <code>{</code>,
   * {@code '} or {@code "} is read as a YAML flow value; any other value is taken as a plain scalar
   * exactly as written, so that {@code :} or {@code #} in it need no quoting.
   */
  List<Assignment> parse(List<String> arguments, YamlSource yaml) {
    List<Assignment> assignments = new ArrayList<>();
    for (String argument : arguments) {
      SourceLocation location = SourceLocation.commandLine(argument);
      int equals = argument.indexOf('=');
      if (equals < 0) {
        problems.add(new ConfigProblem(location, "", argument,
            "invalid override: expected KEY=VALUE, for example train.epochs=3", null));
        continue;
      }
      String keyPath = argument.substring(0, equals).strip();
      String text = argument.substring(equals + 1);
      if (!isValidKeyPath(keyPath)) {
        problems.add(new ConfigProblem(location, keyPath, argument,
            "invalid key path: expected dot-separated keys, for example train.epochs", null));
        continue;
      }
      ConfigNode value = parseValue(text, location, yaml);
      if (value != null) {
        assignments.add(new Assignment(keyPath, location, value));
      }
    }
    return assignments;
  }

  /** Returns {@code root} with {@code assignment} applied, or {@code root} unchanged after adding a problem. */
  ConfigMap apply(ConfigMap root, Assignment assignment) {
    String[] keys = assignment.keyPath().split("\\.");
    ConfigMap result = set(root, keys, 0, assignment);
    return result == null ? root : result;
  }

  static boolean isValidKeyPath(String keyPath) {
    if (keyPath.isEmpty()) {
      return false;
    }
    for (String key : keyPath.split("\\.", -1)) {
      if (key.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static ConfigNode parseValue(String text, SourceLocation location, YamlSource yaml) {
    boolean flow = !text.isEmpty() && "[{'\"".indexOf(text.charAt(0)) >= 0;
    if (!flow) {
      return new ConfigScalar(text, false, location, null);
    }
    return yaml.readValue(text, location);
  }

  private ConfigMap set(ConfigMap map, String[] keys, int index, Assignment assignment) {
    String key = keys[index];
    ConfigMap.Entry existing = map.entry(key);
    SourceLocation keyLocation = existing != null ? existing.keyLocation() : assignment.location();
    if (index == keys.length - 1) {
      return map.with(new ConfigMap.Entry(key, assignment.location(), assignment.value()));
    }

    ConfigMap child = childMap(existing, keys, index, assignment);
    if (child == null) {
      return null;
    }
    if (index == 0 && keys.length == 2 && keys[1].equals("name") && pluginSections.contains(key)
        && ConfigMerger.changesPluginName(child, nameOnly(assignment))) {
      // A different plugin does not take the previous plugin's parameters.
      child = ConfigMap.empty(child.location());
    }
    ConfigMap updated = set(child, keys, index + 1, assignment);
    return updated == null ? null : map.with(new ConfigMap.Entry(key, keyLocation, updated));
  }

  private ConfigMap childMap(ConfigMap.Entry existing, String[] keys, int index, Assignment assignment) {
    if (existing == null) {
      return ConfigMap.empty(assignment.location());
    }
    ConfigNode value = existing.value();
    if (value instanceof ConfigMap map) {
      return map;
    }
    if (value instanceof ConfigScalar scalar && scalar.isNull()) {
      return ConfigMap.empty(scalar.location());
    }
    String prefix = String.join(".", List.of(keys).subList(0, index + 1));
    problems.add(new ConfigProblem(assignment.location(), assignment.keyPath(), null,
        "cannot set a key inside '" + prefix + "' because it is a "
            + (value instanceof ConfigList ? "list" : "single value") + ", not a section", null));
    return null;
  }

  private static ConfigMap nameOnly(Assignment assignment) {
    return new ConfigMap(
        List.of(new ConfigMap.Entry("name", assignment.location(), assignment.value())), assignment.location());
  }
}
