package io.rsitr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginFactory;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.JsonPluginParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates plugins from model description files: the {@code clip} backbone from an open_clip model
 * config JSON, and an interaction from a JSON object named after the interaction plugin (for
 * example {@code "lsci": {...}}).
 */
final class ModelDescription {

  private static final String BACKBONE = "clip";

  private ModelDescription() {}

  /** Creates the {@code clip} backbone with every size taken from {@code modelConfig}. */
  static Backbone backbone(PluginRegistry registry, Path modelConfig) {
    requireFile(modelConfig, "--model-config");
    PluginFactory<Backbone> factory = registry.factory(PluginKind.BACKBONE, BACKBONE);
    Map<String, Object> values = defaults(factory);
    values.put("model_config", modelConfig.toString());
    return factory.create(new Parameters(PluginKind.BACKBONE.yamlKey(), values));
  }

  /**
   * Creates the interaction described in {@code file}: the first top-level object whose key names an
   * interaction plugin, with that plugin's defaults for absent keys.
   */
  static Interaction interaction(PluginRegistry registry, Path file) {
    requireFile(file, "--interaction-config");
    JsonNode root = readJson(file);
    Map<String, PluginFactory<?>> factories = registry.factories(PluginKind.INTERACTION);
    for (Map.Entry<String, PluginFactory<?>> entry : factories.entrySet()) {
      JsonNode object = root.get(entry.getKey());
      if (object != null && object.isObject()) {
        Parameters parameters = JsonPluginParameters.build(entry.getValue(), PluginKind.INTERACTION.yamlKey(), object,
            file);
        return (Interaction) entry.getValue().create(parameters);
      }
    }
    throw new IllegalArgumentException("interaction config " + file + " has no object named after an interaction"
        + " plugin; add one of: " + String.join(", ", factories.keySet()) + ", for example \"lsci\": {...}");
  }

  private static Map<String, Object> defaults(PluginFactory<?> factory) {
    Map<String, Object> values = new HashMap<>();
    for (ParameterSpec spec : factory.parameters()) {
      values.put(spec.name(), spec.defaultValue());
    }
    return values;
  }

  static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON in " + file + ": " + e.getMessage(), e);
    }
  }

  static void requireFile(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + " not found; check the path");
    }
  }
}
