package io.rsitr.spec;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.PluginKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an experiment YAML may contain: the framework's own sections and, per extension point,
 * each available plugin's declared parameters keyed by the plugin's YAML name.
 */
public record ConfigSchema(
    List<ConfigSection> frameworkSections, Map<PluginKind, Map<String, List<ParameterSpec>>> plugins) {

  public ConfigSchema {
    frameworkSections = List.copyOf(frameworkSections);
    plugins = Map.copyOf(new EnumMap<>(plugins));
  }
}
