package io.rsitr.spec;

import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Expands a parsed ablation grid into cells and validates each cell as a complete spec.
 *
 * <p>A problem that only a cell has (a misspelt grid key, or a parameter that the cell's plugin does
 * not take) is reported once, at the grid key's location, naming the first cell that hit it.
 */
final class AblationExpander {

  private final ConfigSchema schema;
  private final Set<String> pluginSections;
  private final List<ConfigProblem> problems;

  AblationExpander(ConfigSchema schema, Set<String> pluginSections, List<ConfigProblem> problems) {
    this.schema = schema;
    this.pluginSections = pluginSections;
    this.problems = problems;
  }

  /** Returns the grid, or {@code null} when a cell has problems (they are added to the shared list). */
  AblationGrid expand(AblationParser.Parsed parsed, ConfigMap baseRoot, Path sourceFile) {
    List<AblationParser.Axis> axes = parsed.axes();
    Set<String> reported = new LinkedHashSet<>();
    problems.forEach(problem -> reported.add(problem.render()));

    List<AblationCell> cells = new ArrayList<>();
    int cellCount = axes.stream().mapToInt(axis -> axis.values().size()).reduce(1, Math::multiplyExact);
    for (int index = 0; index < cellCount; index++) {
      int[] choices = choicesOf(index, axes);
      AblationCell cell = expandCell(index, choices, axes, baseRoot, sourceFile, reported);
      if (cell != null) {
        cells.add(cell);
      }
    }
    if (cells.size() < cellCount) {
      return null;
    }
    List<AblationAxis> publicAxes = axes.stream()
        .map(axis -> new AblationAxis(axis.keyPath(), axis.values().stream().map(ConfigNode::toPlainValue).toList()))
        .toList();
    return new AblationGrid(publicAxes, cells, indexOf(parsed.baselineChoices(), axes));
  }

  private AblationCell expandCell(int index, int[] choices, List<AblationParser.Axis> axes, ConfigMap baseRoot,
      Path sourceFile, Set<String> reported) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    List<Overrides.Assignment> assignments = new ArrayList<>();
    for (int axis = 0; axis < axes.size(); axis++) {
      AblationParser.Axis chosen = axes.get(axis);
      ConfigNode value = chosen.values().get(choices[axis]);
      overrides.put(chosen.keyPath(), value.toPlainValue());
      assignments.add(new Overrides.Assignment(chosen.keyPath(), chosen.keyLocation(), value));
    }
    String label = AblationLabels.label(overrides);

    List<ConfigProblem> cellProblems = new ArrayList<>();
    Overrides setter = new Overrides(pluginSections, cellProblems);
    ConfigMap cellRoot = baseRoot;
    for (Overrides.Assignment assignment : pluginNamesFirst(assignments)) {
      cellRoot = setter.apply(cellRoot, assignment);
    }
    ExperimentSpec spec = new SpecValidator(schema, cellProblems).validate(cellRoot, sourceFile, Optional.empty());
    if (cellProblems.isEmpty()) {
      return new AblationCell(index, label, overrides, spec);
    }
    for (ConfigProblem problem : cellProblems) {
      if (reported.add(problem.render())) {
        problems.add(new ConfigProblem(problem.location(), problem.keyPath(), problem.value(),
            problem.message() + " (in ablation cell " + label + ")", problem.suggestion()));
      }
    }
    return null;
  }

  /**
   * Orders assignments so that plugin names are set first, because setting a different plugin name
   * clears that section's parameters, including any set by an earlier axis.
   */
  private List<Overrides.Assignment> pluginNamesFirst(List<Overrides.Assignment> assignments) {
    return assignments.stream()
        .sorted(Comparator.comparing((Overrides.Assignment assignment) -> !isPluginName(assignment.keyPath())))
        .toList();
  }

  private boolean isPluginName(String keyPath) {
    for (PluginKind kind : PluginKind.values()) {
      if (keyPath.equals(kind.yamlKey() + ".name")) {
        return true;
      }
    }
    return false;
  }

  /** Decodes a cell index into one value index per axis; the first axis varies slowest. */
  private static int[] choicesOf(int cellIndex, List<AblationParser.Axis> axes) {
    int[] choices = new int[axes.size()];
    int remainder = cellIndex;
    for (int axis = axes.size() - 1; axis >= 0; axis--) {
      int size = axes.get(axis).values().size();
      choices[axis] = remainder % size;
      remainder /= size;
    }
    return choices;
  }

  private static int indexOf(int[] choices, List<AblationParser.Axis> axes) {
    int index = 0;
    for (int axis = 0; axis < axes.size(); axis++) {
      index = index * axes.get(axis).values().size() + choices[axis];
    }
    return index;
  }
}
