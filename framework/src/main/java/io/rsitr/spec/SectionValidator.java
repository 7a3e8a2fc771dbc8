package io.rsitr.spec;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates the keys of one section against its declared parameters and fills in defaults. */
final class SectionValidator {

  private final List<ConfigProblem> problems;
  private final ParameterConverter converter;

  SectionValidator(List<ConfigProblem> problems) {
    this.problems = problems;
    this.converter = new ParameterConverter(problems);
  }

  /**
   * Returns the section's typed values, in declaration order, defaults included.
   *
   * @param section the section's key path, for example {@code train} or {@code backbone}
   * @param values the section as written, or {@code null} when it is absent
   * @param reservedKeys keys that are valid but are not parameters, such as a plugin's {@code name}
   * @param sectionLocation where problems about missing parameters point
   */
  Parameters validate(String section, ConfigMap values, List<ParameterSpec> specs, Set<String> reservedKeys,
      SourceLocation sectionLocation) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    specs.forEach(spec -> byName.put(spec.name(), spec));
    if (values != null) {
      reportUnknownKeys(section, values, byName, reservedKeys);
    }

    Map<String, Object> typed = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      String keyPath = section + "." + spec.name();
      ConfigNode node = values == null ? null : values.get(spec.name());
      if (node != null) {
        typed.put(spec.name(), converter.convert(spec, node, keyPath));
      } else if (spec.required()) {
        problems.add(new ConfigProblem(sectionLocation, keyPath, null,
            "missing required parameter (" + spec.type().description() + "): " + spec.description(), null));
        typed.put(spec.name(), null);
      } else {
        typed.put(spec.name(), ParameterConverter.defaultValue(spec));
      }
    }
    return new Parameters(section, typed);
  }

  private void reportUnknownKeys(String section, ConfigMap values, Map<String, ParameterSpec> byName,
      Set<String> reservedKeys) {
    // Reserved keys alone are not worth suggesting, so a section without parameters says so instead.
    List<String> allowed = new ArrayList<>();
    if (!byName.isEmpty()) {
      allowed.addAll(reservedKeys);
      allowed.addAll(byName.keySet());
    }
    for (ConfigMap.Entry entry : values.entries()) {
      if (!byName.containsKey(entry.key()) && !reservedKeys.contains(entry.key())) {
        problems.add(unknownKey(entry, section + "." + entry.key(), allowed));
      }
    }
  }

  /** Returns an "unknown key" problem that suggests the nearest allowed key, or lists them all. */
  static ConfigProblem unknownKey(ConfigMap.Entry entry, String keyPath, List<String> allowed) {
    String suggestion = Suggestions.nearest(entry.key(), allowed);
    String message;
    if (allowed.isEmpty()) {
      message = "unknown key; this section takes no parameters";
    } else if (suggestion != null) {
      message = "unknown key";
    } else {
      message = "unknown key; allowed keys: " + String.join(", ", allowed);
    }
    return new ConfigProblem(entry.keyLocation(), keyPath, entry.key(), message, suggestion);
  }
}
