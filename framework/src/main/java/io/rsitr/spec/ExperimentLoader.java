package io.rsitr.spec;

import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an experiment YAML into a validated {@link ExperimentSpec}.
 *
 * <p>The steps, in order: read the file and its {@code extends} fragments, substituting
 * {@code ${env:...}} per file, and merge them. Then apply the {@code --set} overrides (their values
 * are substituted too) and validate against the schema. Last, expand the {@code ablation} grid,
 * validating every cell. Every problem found on the way is reported together in one
 * {@link ConfigException}. Overrides apply before the grid, so a grid axis wins over a {@code --set}
 * of the same key.
 */
public final class ExperimentLoader {

  private static final Logger log = LoggerFactory.getLogger(ExperimentLoader.class);

  private final ConfigSchema schema;
  private final Set<String> pluginSections;

  public ExperimentLoader(ConfigSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    Set<String> keys = new LinkedHashSet<>();
    for (PluginKind kind : PluginKind.values()) {
      keys.add(kind.yamlKey());
    }
    this.pluginSections = Set.copyOf(keys);
  }

  /**
   * Loads and validates one experiment.
   *
   * @param yaml the experiment file; messages show it as given, so a relative path stays relative
   * @param overrides {@code key.path=value} arguments from {@code --set}, applied in order
   * @param environment the variables that {@code ${env:NAME}} reads, usually {@code System.getenv()}
   * @throws ConfigException listing every problem found
   */
  public ExperimentSpec load(Path yaml, List<String> overrides, Map<String, String> environment) {
    List<ConfigProblem> problems = new ArrayList<>();
    YamlSource source = new YamlSource(problems);
    EnvSubstitution substitution = new EnvSubstitution(environment, problems);
    ConfigMap root = new ExtendsComposer(source, substitution, new ConfigMerger(pluginSections), problems)
        .compose(yaml);
    if (root == null) {
      throw new ConfigException(problems);
    }
    root = applyOverrides(root, overrides, source, substitution, problems);

    ConfigMap.Entry ablationEntry = root.entry(SpecValidator.ABLATION_KEY);
    ConfigMap baseRoot = root.without(SpecValidator.ABLATION_KEY);
    ExperimentSpec spec = new SpecValidator(schema, problems).validate(baseRoot, yaml, Optional.empty());
    Optional<AblationGrid> grid = ablationEntry == null
        ? Optional.empty()
        : expandAblation(ablationEntry, baseRoot, yaml, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }

    ExperimentSpec result = new ExperimentSpec(spec.sourceFile(), spec.name(), spec.description(), spec.seed(),
        spec.plugins(), spec.sections(), grid);
    log.info("Loaded experiment '{}' from {} (config hash {}, {} ablation cells)", result.name(), yaml,
        result.configHash(), grid.map(AblationGrid::size).orElse(0));
    return result;
  }

  /** Returns the specs to run: one per ablation cell, or the spec itself when it has no grid. */
  public static List<ExperimentSpec> expandAblation(ExperimentSpec spec) {
    return spec.ablation()
        .map(grid -> grid.cells().stream().map(AblationCell::spec).toList())
        .orElse(List.of(spec));
  }

  private ConfigMap applyOverrides(ConfigMap root, List<String> arguments, YamlSource source,
      EnvSubstitution substitution, List<ConfigProblem> problems) {
    Overrides overrides = new Overrides(pluginSections, problems);
    ConfigMap result = root;
    for (Overrides.Assignment assignment : overrides.parse(arguments, source)) {
      ConfigNode value = substitution.apply(assignment.value(), assignment.keyPath());
      result = overrides.apply(result, new Overrides.Assignment(assignment.keyPath(), assignment.location(), value));
    }
    return result;
  }

  private Optional<AblationGrid> expandAblation(ConfigMap.Entry entry, ConfigMap baseRoot, Path yaml,
      List<ConfigProblem> problems) {
    AblationParser.Parsed parsed = new AblationParser(problems).parse(entry);
    if (parsed == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(new AblationExpander(schema, pluginSections, problems).expand(parsed, baseRoot, yaml));
  }
}
