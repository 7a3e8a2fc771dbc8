package io.rsitr.spec;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validates a composed configuration tree against a {@link ConfigSchema} and builds the typed spec. */
final class SpecValidator {

  static final String EXTENDS_KEY = "extends";
  static final String ABLATION_KEY = "ablation";
  static final long DEFAULT_SEED = 42;

  private static final Set<String> PLUGIN_RESERVED_KEYS = Set.of("name");

  private final ConfigSchema schema;
  private final List<ConfigProblem> problems;
  private final SectionValidator sections;

  SpecValidator(ConfigSchema schema, List<ConfigProblem> problems) {
    this.schema = schema;
    this.problems = problems;
    this.sections = new SectionValidator(problems);
  }

  /** Returns the top-level keys an experiment YAML may contain, in the order they are documented. */
  List<String> topLevelKeys() {
    List<String> keys = new ArrayList<>(List.of(EXTENDS_KEY, "name", "description", "seed"));
    for (PluginKind kind : PluginKind.values()) {
      keys.add(kind.yamlKey());
    }
    schema.frameworkSections().forEach(section -> keys.add(section.name()));
    keys.add(ABLATION_KEY);
    return keys;
  }

  /**
   * Builds the spec from {@code root}; problems are added to the shared list, and the returned spec
   * is only meaningful when none were added.
   */
  ExperimentSpec validate(ConfigMap root, Path sourceFile, Optional<AblationGrid> ablation) {
    reportUnknownTopLevelKeys(root);
    String name = readString(root, "name", defaultName(sourceFile));
    String description = readString(root, "description", "");
    long seed = readSeed(root);
    Map<PluginKind, PluginChoice> plugins = validatePlugins(root);
    Map<String, Parameters> frameworkSections = validateFrameworkSections(root);
    return new ExperimentSpec(sourceFile, name, description, seed, plugins, frameworkSections, ablation);
  }

  static String defaultName(Path sourceFile) {
    String fileName = sourceFile.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private void reportUnknownTopLevelKeys(ConfigMap root) {
    List<String> allowed = topLevelKeys();
    for (ConfigMap.Entry entry : root.entries()) {
      if (!allowed.contains(entry.key())) {
        problems.add(SectionValidator.unknownKey(entry, entry.key(), allowed));
      }
    }
  }

  private String readString(ConfigMap root, String key, String defaultValue) {
    ConfigNode node = root.get(key);
    if (node == null) {
      return defaultValue;
    }
    if (node instanceof ConfigScalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
      return scalar.text();
    }
    problems.add(new ConfigProblem(node.location(), key, null, "expected a non-empty string", null));
    return defaultValue;
  }

  private long readSeed(ConfigMap root) {
    ConfigNode node = root.get("seed");
    if (node == null) {
      return DEFAULT_SEED;
    }
    if (node instanceof ConfigScalar scalar && !scalar.quoted() && !scalar.isNull()) {
      try {
        return NumberSyntax.parseLong(scalar.text());
      } catch (NumberFormatException e) {
        problems.add(new ConfigProblem(node.location(), "seed", scalar.text(),
            "invalid value \"" + scalar.text() + "\": " + e.getMessage(), null));
        return DEFAULT_SEED;
      }
    }
    String value = node instanceof ConfigScalar scalar ? scalar.text() : null;
    problems.add(new ConfigProblem(node.location(), "seed", value, "expected an integer without quotes", null));
    return DEFAULT_SEED;
  }

  private Map<PluginKind, PluginChoice> validatePlugins(ConfigMap root) {
    Map<PluginKind, PluginChoice> plugins = new EnumMap<>(PluginKind.class);
    for (PluginKind kind : PluginKind.values()) {
      Map<String, List<ParameterSpec>> available = schema.plugins().getOrDefault(kind, Map.of());
      PluginChoice choice = validatePlugin(root, kind, available);
      if (choice != null) {
        plugins.put(kind, choice);
      }
    }
    return plugins;
  }

  private PluginChoice validatePlugin(ConfigMap root, PluginKind kind, Map<String, List<ParameterSpec>> available) {
    String key = kind.yamlKey();
    String availableNames = available.isEmpty() ? "(none)" : String.join(", ", available.keySet());
    ConfigMap.Entry entry = root.entry(key);
    if (entry == null) {
      if (!available.isEmpty()) {
        problems.add(new ConfigProblem(root.location(), key, null,
            "missing section; choose a " + key + " with '" + key + ": {name: ...}'; available: " + availableNames,
            null));
      }
      return null;
    }
    if (!(entry.value() instanceof ConfigMap section)) {
      problems.add(new ConfigProblem(entry.value().location(), key, null,
          "expected a map with a 'name' key, for example '" + key + ": {name: ...}'; available: " + availableNames,
          null));
      return null;
    }

    ConfigNode nameNode = section.get("name");
    if (!(nameNode instanceof ConfigScalar nameScalar) || nameScalar.isNull()) {
      SourceLocation location = nameNode == null ? entry.keyLocation() : nameNode.location();
      problems.add(new ConfigProblem(location, key + ".name", null,
          "missing " + key + " name; available: " + availableNames, null));
      return null;
    }
    String name = nameScalar.text();
    List<ParameterSpec> specs = available.get(name);
    if (specs == null) {
      problems.add(new ConfigProblem(nameScalar.location(), key + ".name", name,
          "unknown " + key + " '" + name + "'; available: " + availableNames,
          Suggestions.nearest(name, available.keySet())));
      return null;
    }
    Parameters parameters = sections.validate(key, section, specs, PLUGIN_RESERVED_KEYS, entry.keyLocation());
    return new PluginChoice(kind, name, parameters);
  }

  private Map<String, Parameters> validateFrameworkSections(ConfigMap root) {
    Map<String, Parameters> result = new LinkedHashMap<>();
    for (ConfigSection section : schema.frameworkSections()) {
      ConfigMap.Entry entry = root.entry(section.name());
      ConfigMap values = null;
      SourceLocation location = root.location();
      if (entry != null) {
        location = entry.keyLocation();
        if (entry.value() instanceof ConfigMap map) {
          values = map;
        } else if (!(entry.value() instanceof ConfigScalar scalar && scalar.isNull())) {
          problems.add(new ConfigProblem(entry.value().location(), section.name(), null,
              "expected a map of parameters: " + section.description(), null));
        }
      }
      result.put(section.name(),
          sections.validate(section.name(), values, section.parameters(), Set.of(), location));
    }
    return result;
  }
}
