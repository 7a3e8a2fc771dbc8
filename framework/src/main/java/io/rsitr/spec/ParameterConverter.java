package io.rsitr.spec;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.ParameterType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts one configuration node into the typed value that its {@link ParameterSpec} declares,
 * adding a problem when it cannot.
 *
 * <p>Numbers are read only from unquoted scalars: a quoted {@code "2e-5"} for a number is a type
 * error, because the quotes say the author meant a string. Booleans are only {@code true} and
 * {@code false}, not the YAML 1.1 forms {@code yes}, {@code on} or {@code True}. Strings, enum values
 * and paths take the scalar's text whether it is quoted or not, so {@code act: on} stays "on".
 */
final class ParameterConverter {

  private final List<ConfigProblem> problems;

  ParameterConverter(List<ConfigProblem> problems) {
    this.problems = problems;
  }

  /** Returns the typed value, or {@code null} after adding a problem. */
  Object convert(ParameterSpec spec, ConfigNode node, String keyPath) {
    if (node instanceof ConfigScalar scalar && scalar.isNull()) {
      String fix = spec.required()
          ? "set a value (" + spec.type().description() + ")"
          : "remove the key to use the default " + spec.defaultValue();
      problems.add(new ConfigProblem(node.location(), keyPath, null, "missing value; " + fix, null));
      return null;
    }
    return switch (spec.type()) {
      case INT_LIST -> convertList(spec, ParameterType.INT, node, keyPath);
      case FLOAT_LIST -> convertList(spec, ParameterType.FLOAT, node, keyPath);
      case STRING_LIST -> convertList(spec, ParameterType.STRING, node, keyPath);
      default -> convertSingle(spec, spec.type(), node, keyPath);
    };
  }

  /** Returns the declared default converted to the parameter's Java type, or {@code null} for a required parameter. */
  static Object defaultValue(ParameterSpec spec) {
    Object value = spec.defaultValue();
    if (value == null) {
      return null;
    }
    return switch (spec.type()) {
      case INT -> ((Number) value).intValue();
      case FLOAT -> ((Number) value).doubleValue();
      case PATH -> value instanceof Path path ? path : Path.of(value.toString());
      case INT_LIST -> ((List<?>) value).stream().map(item -> ((Number) item).intValue()).toList();
      case FLOAT_LIST -> ((List<?>) value).stream().map(item -> ((Number) item).doubleValue()).toList();
      case STRING_LIST -> ((List<?>) value).stream().map(Object::toString).toList();
      default -> value;
    };
  }

  private Object convertList(ParameterSpec spec, ParameterType elementType, ConfigNode node, String keyPath) {
    if (!(node instanceof ConfigList list)) {
      return reject(node, keyPath, "expected a " + spec.type().description() + ", for example [1, 2]", null);
    }
    List<Object> values = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < list.items().size(); i++) {
      ConfigNode item = list.items().get(i);
      String itemPath = keyPath + "[" + i + "]";
      if (item instanceof ConfigScalar scalar && scalar.isNull()) {
        reject(item, itemPath, "missing list element; expected " + article(elementType), null);
        valid = false;
        continue;
      }
      Object value = convertSingle(spec, elementType, item, itemPath);
      valid &= value != null;
      values.add(value);
    }
    return valid ? List.copyOf(values) : null;
  }

  private Object convertSingle(ParameterSpec spec, ParameterType type, ConfigNode node, String keyPath) {
    if (!(node instanceof ConfigScalar scalar)) {
      String kind = node instanceof ConfigList ? "a list" : "a map";
      return reject(node, keyPath, "expected " + article(type) + ", got " + kind, null);
    }
    return switch (type) {
      case INT -> convertInt(spec, scalar, keyPath);
      case FLOAT -> convertFloat(spec, scalar, keyPath);
      case BOOL -> convertBool(scalar, keyPath);
      case STRING -> scalar.text();
      case ENUM -> convertEnum(spec, scalar, keyPath);
      case PATH -> convertPath(scalar, keyPath);
      default -> throw new IllegalArgumentException("not a single-value type: " + type);
    };
  }

  private Object convertInt(ParameterSpec spec, ConfigScalar scalar, String keyPath) {
    if (scalar.quoted()) {
      return rejectQuoted(scalar, keyPath, ParameterType.INT);
    }
    long value;
    try {
      value = NumberSyntax.parseLong(scalar.text());
    } catch (NumberFormatException e) {
      return reject(scalar, keyPath, e.getMessage(), null);
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      return reject(scalar, keyPath, "out of range for a 32-bit integer", null);
    }
    return checkRange(spec, scalar, keyPath, value) ? (int) value : null;
  }

  private Object convertFloat(ParameterSpec spec, ConfigScalar scalar, String keyPath) {
    if (scalar.quoted()) {
      return rejectQuoted(scalar, keyPath, ParameterType.FLOAT);
    }
    double value;
    try {
      value = NumberSyntax.parseDouble(scalar.text());
    } catch (NumberFormatException e) {
      return reject(scalar, keyPath, e.getMessage(), null);
    }
    return checkRange(spec, scalar, keyPath, value) ? value : null;
  }

  private Object convertBool(ConfigScalar scalar, String keyPath) {
    if (!scalar.quoted() && (scalar.text().equals("true") || scalar.text().equals("false"))) {
      return Boolean.valueOf(scalar.text());
    }
    String hint = scalar.quoted() ? "expected true or false without quotes" : "expected true or false";
    return reject(scalar, keyPath, hint, null);
  }

  private Object convertEnum(ParameterSpec spec, ConfigScalar scalar, String keyPath) {
    if (spec.choices().contains(scalar.text())) {
      return scalar.text();
    }
    return reject(scalar, keyPath, "expected one of " + String.join(", ", spec.choices()),
        Suggestions.nearest(scalar.text(), spec.choices()));
  }

  private Object convertPath(ConfigScalar scalar, String keyPath) {
    if (scalar.text().isBlank()) {
      return reject(scalar, keyPath, "expected a path", null);
    }
    Path path = Path.of(scalar.text());
    Path base = scalar.baseDirectory();
    return (base == null ? path : base.resolve(path)).normalize();
  }

  private boolean checkRange(ParameterSpec spec, ConfigScalar scalar, String keyPath, double value) {
    if (spec.min() != null && value < spec.min()) {
      reject(scalar, keyPath, "must be at least " + formatBound(spec.min()), null);
      return false;
    }
    if (spec.max() != null && value > spec.max()) {
      reject(scalar, keyPath, "must be at most " + formatBound(spec.max()), null);
      return false;
    }
    return true;
  }

  private Object rejectQuoted(ConfigScalar scalar, String keyPath, ParameterType type) {
    return reject(scalar, keyPath, "expected " + article(type) + ", got a quoted string; remove the quotes", null);
  }

  private Object reject(ConfigNode node, String keyPath, String expected, String suggestion) {
    String value = node instanceof ConfigScalar scalar ? scalar.text() : null;
    String message = value == null ? expected : "invalid value \"" + value + "\": " + expected;
    problems.add(new ConfigProblem(node.location(), keyPath, value, message, suggestion));
    return null;
  }

  private static String article(ParameterType type) {
    String description = type.description();
    if (type == ParameterType.ENUM) {
      return description;
    }
    return (description.startsWith("i") ? "an " : "a ") + description;
  }

  private static String formatBound(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
  }
}
