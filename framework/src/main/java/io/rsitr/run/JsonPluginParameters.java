package io.rsitr.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds a plugin's {@link Parameters} from a JSON object, such as the {@code lsci} object of a
 * model description file, with the plugin's declared defaults for absent keys.
 *
 * <p>Only scalar parameters (integer, number, boolean, string, path, enum) can be set this way.
 * Range limits of the specs are not checked here, because the plugin's own settings validate sizes.
 */
public final class JsonPluginParameters {

  private JsonPluginParameters() {}

  /**
   * Returns the parameters of {@code factory} with the values of {@code object} over its defaults.
   *
   * @param section the section name the plugin reads, for example {@code interaction}
   * @param source the file the object came from, named in error messages
   * @throws IllegalArgumentException listing every unknown key and every value of the wrong type
   */
  public static Parameters build(PluginFactory<?> factory, String section, JsonNode object, Path source) {
    Map<String, ParameterSpec> specs = new HashMap<>();
    Map<String, Object> values = new HashMap<>();
    for (ParameterSpec spec : factory.parameters()) {
      specs.put(spec.name(), spec);
      values.put(spec.name(), spec.defaultValue());
    }

    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      ParameterSpec spec = specs.get(field.getKey());
      if (spec == null) {
        problems.add("unknown key '" + field.getKey() + "' (declared: " + String.join(", ", specs.keySet()) + ")");
        continue;
      }
      Object value = convert(spec, field.getValue());
      if (value == null) {
        problems.add("'" + field.getKey() + "' is " + field.getValue() + ", expected " + spec.type().description()
            + (spec.choices().isEmpty() ? "" : " " + spec.choices()));
        continue;
      }
      values.put(spec.name(), value);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid " + factory.name() + " parameters in " + source + ": "
          + String.join("; ", problems));
    }
    return new Parameters(section, values);
  }

  /** Returns the value as the spec's Java type, or {@code null} when the JSON value does not fit. */
  private static Object convert(ParameterSpec spec, JsonNode node) {
    return switch (spec.type()) {
      case INT -> node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
      case FLOAT -> node.isNumber() ? node.doubleValue() : null;
      case BOOL -> node.isBoolean() ? node.booleanValue() : null;
      case STRING -> node.isTextual() ? node.textValue() : null;
      case PATH -> node.isTextual() ? Path.of(node.textValue()) : null;
      case ENUM -> node.isTextual() && spec.choices().contains(node.textValue()) ? node.textValue() : null;
      case INT_LIST, FLOAT_LIST, STRING_LIST -> null;
    };
  }
}
