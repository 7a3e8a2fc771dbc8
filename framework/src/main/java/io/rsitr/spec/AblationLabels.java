package io.rsitr.spec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats grid values for cell labels such as {@code interaction.name=none,seed=2}. */
public final class AblationLabels {

  private AblationLabels() {}

  public static String label(Map<String, Object> overrides) {
    return overrides.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + formatValue(entry.getValue()))
        .collect(Collectors.joining(","));
  }

  static String format(List<ConfigNode> values) {
    return values.stream().map(value -> formatValue(value.toPlainValue())).collect(Collectors.joining(", ", "[", "]"));
  }

  public static String formatValue(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(AblationLabels::formatValue).collect(Collectors.joining(",", "[", "]"));
    }
    return String.valueOf(value);
  }
}
