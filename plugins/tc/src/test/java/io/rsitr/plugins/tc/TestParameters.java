package io.rsitr.plugins.tc;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds parameters as the framework passes them after validation: declared defaults plus overrides. */
final class TestParameters {

  private TestParameters() {}

  static Parameters of(PluginFactory<?> factory, Map<String, Object> overrides) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec spec : factory.parameters()) {
      values.put(spec.name(), spec.defaultValue());
    }
    for (String name : overrides.keySet()) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("test sets undeclared parameter '" + name + "'");
      }
    }
    values.putAll(overrides);
    return new Parameters("loss", values);
  }
}
