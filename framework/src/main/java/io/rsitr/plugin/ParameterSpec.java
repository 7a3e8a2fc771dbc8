package io.rsitr.plugin;

import java.util.List;
import java.util.Objects;

/**
 * One declared YAML parameter: its name, type, default, one-line description and limits.
 *
 * <p>A {@code null} default marks a required parameter. Numeric limits are inclusive and apply to
 * {@link ParameterType#INT} and {@link ParameterType#FLOAT}; {@code choices} applies to
 * {@link ParameterType#ENUM}.
 */
public record ParameterSpec(
    String name,
    ParameterType type,
    Object defaultValue,
    String description,
    List<String> choices,
    Double min,
    Double max) {

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (type == ParameterType.ENUM && choices.isEmpty()) {
      throw new IllegalArgumentException("enum parameter '" + name + "' declares no choices");
    }
  }

  public static ParameterSpec ofInt(String name, Integer defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.INT, defaultValue, description, null, null, null);
  }

  public static ParameterSpec ofFloat(String name, Double defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.FLOAT, defaultValue, description, null, null, null);
  }

  public static ParameterSpec ofBool(String name, Boolean defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.BOOL, defaultValue, description, null, null, null);
  }

  public static ParameterSpec ofString(String name, String defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.STRING, defaultValue, description, null, null, null);
  }

  public static ParameterSpec ofPath(String name, String defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.PATH, defaultValue, description, null, null, null);
  }

  public static ParameterSpec ofEnum(String name, String defaultValue, String description, String... choices) {
    return new ParameterSpec(name, ParameterType.ENUM, defaultValue, description, List.of(choices), null, null);
  }

  public static ParameterSpec ofList(String name, ParameterType listType, List<?> defaultValue, String description) {
    if (listType != ParameterType.INT_LIST && listType != ParameterType.FLOAT_LIST
        && listType != ParameterType.STRING_LIST) {
      throw new IllegalArgumentException("not a list type: " + listType);
    }
    return new ParameterSpec(name, listType, defaultValue, description, null, null, null);
  }

  /** Returns a copy limited to {@code [min, max]}; pass {@code null} for an open end. */
  public ParameterSpec range(Double min, Double max) {
    return new ParameterSpec(name, type, defaultValue, description, choices, min, max);
  }

  /** Returns a copy that must be at least {@code min}. */
  public ParameterSpec atLeast(double min) {
    return range(min, max);
  }

  public boolean required() {
    return defaultValue == null;
  }
}
