package io.rsitr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code ablation:} section: {@code grid} maps key paths to lists of values and the
 * optional {@code baseline} picks one value per axis (by default the first one of each).
 */
final class AblationParser {

  /** One grid axis as written, with the nodes that will be set at its key path. */
  record Axis(String keyPath, SourceLocation keyLocation, List<ConfigNode> values) {}

  /** The parsed section. {@code baselineChoices} contains one value index per axis. */
  record Parsed(List<Axis> axes, int[] baselineChoices) {}

  private static final List<String> SECTION_KEYS = List.of("grid", "baseline");
  private static final List<String> FIXED_KEYS = List.of(SpecValidator.EXTENDS_KEY, SpecValidator.ABLATION_KEY);

  private final List<ConfigProblem> problems;

  AblationParser(List<ConfigProblem> problems) {
    this.problems = problems;
  }

  /** Returns the parsed section, or {@code null} after adding problems. */
  Parsed parse(ConfigMap.Entry entry) {
    if (!(entry.value() instanceof ConfigMap section)) {
      problems.add(new ConfigProblem(entry.value().location(), "ablation", null,
          "expected a map with 'grid' and optionally 'baseline'", null));
      return null;
    }
    for (ConfigMap.Entry key : section.entries()) {
      if (!SECTION_KEYS.contains(key.key())) {
        problems.add(SectionValidator.unknownKey(key, "ablation." + key.key(), SECTION_KEYS));
      }
    }
    List<Axis> axes = parseGrid(section);
    if (axes == null) {
      return null;
    }
    int[] baseline = parseBaseline(section, axes);
    return baseline == null ? null : new Parsed(axes, baseline);
  }

  private List<Axis> parseGrid(ConfigMap section) {
    ConfigMap.Entry gridEntry = section.entry("grid");
    if (gridEntry == null || !(gridEntry.value() instanceof ConfigMap grid) || grid.keys().isEmpty()) {
      SourceLocation location = gridEntry == null ? section.location() : gridEntry.value().location();
      problems.add(new ConfigProblem(location, "ablation.grid", null,
          "expected a map from key paths to lists of values, for example 'seed: [1, 2]'", null));
      return null;
    }
    List<Axis> axes = new ArrayList<>();
    boolean valid = true;
    for (ConfigMap.Entry axis : grid.entries()) {
      String keyPath = "ablation.grid." + axis.key();
      String root = axis.key().split("\\.")[0];
      if (!Overrides.isValidKeyPath(axis.key()) || FIXED_KEYS.contains(root)) {
        problems.add(new ConfigProblem(axis.keyLocation(), keyPath, axis.key(),
            "invalid grid key: expected a dotted key path such as train.epochs, outside extends and ablation", null));
        valid = false;
      } else if (!(axis.value() instanceof ConfigList values) || values.items().isEmpty()) {
        problems.add(new ConfigProblem(axis.value().location(), keyPath, null,
            "expected a non-empty list of values", null));
        valid = false;
      } else {
        axes.add(new Axis(axis.key(), axis.keyLocation(), values.items()));
      }
    }
    return valid ? axes : null;
  }

  private int[] parseBaseline(ConfigMap section, List<Axis> axes) {
    int[] choices = new int[axes.size()];
    ConfigMap.Entry baselineEntry = section.entry("baseline");
    if (baselineEntry == null) {
      return choices;
    }
    if (!(baselineEntry.value() instanceof ConfigMap baseline)) {
      problems.add(new ConfigProblem(baselineEntry.value().location(), "ablation.baseline", null,
          "expected a map from grid key paths to one of their values", null));
      return null;
    }
    List<String> axisKeys = axes.stream().map(Axis::keyPath).toList();
    boolean valid = true;
    for (ConfigMap.Entry choice : baseline.entries()) {
      int axisIndex = axisKeys.indexOf(choice.key());
      if (axisIndex < 0) {
        problems.add(new ConfigProblem(choice.keyLocation(), "ablation.baseline." + choice.key(), choice.key(),
            "not a grid key; grid keys: " + String.join(", ", axisKeys), Suggestions.nearest(choice.key(), axisKeys)));
        valid = false;
        continue;
      }
      int valueIndex = indexOfValue(axes.get(axisIndex).values(), choice.value());
      if (valueIndex < 0) {
        problems.add(new ConfigProblem(choice.value().location(), "ablation.baseline." + choice.key(),
            String.valueOf(choice.value().toPlainValue()),
            "not one of the grid values " + AblationLabels.format(axes.get(axisIndex).values()), null));
        valid = false;
        continue;
      }
      choices[axisIndex] = valueIndex;
    }
    return valid ? choices : null;
  }

  private static int indexOfValue(List<ConfigNode> values, ConfigNode value) {
    for (int i = 0; i < values.size(); i++) {
      if (Objects.equals(values.get(i).toPlainValue(), value.toPlainValue())) {
        return i;
      }
    }
    return -1;
  }
}
