package io.rsitr.spec;

import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated experiment: the chosen plugins and every framework section, with defaults filled in.
 *
 * @param sourceFile the experiment YAML as the user named it
 * @param name the {@code name} key, or the file name without its extension
 * @param description the {@code description} key, or an empty string
 * @param plugins the chosen plugin per extension point, in {@link PluginKind} order
 * @param sections every framework section declared by the schema, in schema order
 * @param ablation the expanded grid; absent for a spec without {@code ablation:} and for each grid cell
 */
public record ExperimentSpec(
    Path sourceFile,
    String name,
    String description,
    long seed,
    Map<PluginKind, PluginChoice> plugins,
    Map<String, Parameters> sections,
    Optional<AblationGrid> ablation) {

  public ExperimentSpec {
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    plugins = Collections.unmodifiableMap(plugins.isEmpty() ? new EnumMap<>(PluginKind.class) : new EnumMap<>(plugins));
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    Objects.requireNonNull(ablation, "ablation");
  }

  /** Returns the chosen plugin; throws {@link IllegalArgumentException} when the schema offered none of this kind. */
  public PluginChoice plugin(PluginKind kind) {
    PluginChoice choice = plugins.get(kind);
    if (choice == null) {
      throw new IllegalArgumentException("no " + kind.yamlKey() + " plugin was configured");
    }
    return choice;
  }

  /** Returns a framework section; throws {@link IllegalArgumentException} for a section the schema does not declare. */
  public Parameters section(String sectionName) {
    Parameters parameters = sections.get(sectionName);
    if (parameters == null) {
      throw new IllegalArgumentException("unknown section '" + sectionName + "'; declared: " + sections.keySet());
    }
    return parameters;
  }

  /**
   * Renders the fully resolved configuration, defaults included, as YAML. Keys come in a fixed order
   * (name, description, seed, plugin sections, framework sections, ablation) and paths are strings.
   */
  public String resolvedYaml() {
    return ResolvedConfig.toYaml(this);
  }

  /**
   * Returns the parameters as dotted keys ({@code seed}, {@code backbone.name}, {@code train.max_lr})
   * to string values, for tracking. Values longer than 6000 characters, the MLflow limit for a
   * parameter value, are cut to fit.
   */
  public Map<String, String> flatParams() {
    return ResolvedConfig.flatten(this);
  }

  /** Returns the first 16 hex digits of the SHA-256 of {@link #resolvedYaml()}. */
  public String configHash() {
    return ResolvedConfig.hash(resolvedYaml());
  }
}
