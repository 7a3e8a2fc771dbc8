package io.rsitr.plugin;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated, typed parameter values of one section, defaults included.
 *
 * <p>Values have already been checked against their {@link ParameterSpec}: an {@code INT} is an
 * {@link Integer}, a {@code FLOAT} a {@link Double}, a {@code PATH} a {@link Path} resolved against
 * the YAML file that set it, lists are immutable lists of those types. Getters throw
 * {@link IllegalArgumentException} for a name that was never declared, which is a programming error.
 */
public final class Parameters {

  private final String section;
  private final Map<String, Object> values;

  public Parameters(String section, Map<String, Object> values) {
    this.section = section;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Parameters empty(String section) {
    return new Parameters(section, Map.of());
  }

  public String section() {
    return section;
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public int getInt(String name) {
    return ((Number) require(name)).intValue();
  }

  public long getLong(String name) {
    return ((Number) require(name)).longValue();
  }

  public double getDouble(String name) {
    return ((Number) require(name)).doubleValue();
  }

  public float getFloat(String name) {
    return ((Number) require(name)).floatValue();
  }

  public boolean getBool(String name) {
    return (Boolean) require(name);
  }

  public String getString(String name) {
    return require(name).toString();
  }

  public Path getPath(String name) {
    Object value = require(name);
    return value instanceof Path path ? path : Path.of(value.toString());
  }

  /** Returns the value, or {@code null} when the parameter has no default and was not set. */
  public Object getOrNull(String name) {
    checkDeclared(name);
    return values.get(name);
  }

  @SuppressWarnings("unchecked")
  public List<Integer> getIntList(String name) {
    return ((List<Number>) require(name)).stream().map(Number::intValue).toList();
  }

  @SuppressWarnings("unchecked")
  public List<Double> getDoubleList(String name) {
    return ((List<Number>) require(name)).stream().map(Number::doubleValue).toList();
  }

  @SuppressWarnings("unchecked")
  public List<String> getStringList(String name) {
    return ((List<Object>) require(name)).stream().map(Object::toString).toList();
  }

  private Object require(String name) {
    checkDeclared(name);
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "parameter '" + section + "." + name + "' has no value; set it in the experiment YAML");
    }
    return value;
  }

  private void checkDeclared(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' is not declared in section '" + section + "'; declared: " + values.keySet());
    }
  }

  @Override
  public String toString() {
    return section + values;
  }
}
