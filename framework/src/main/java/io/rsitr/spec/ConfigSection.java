package io.rsitr.spec;

import io.rsitr.plugin.ParameterSpec;
import java.util.List;

/** A framework-owned YAML section (for example {@code train}) with its declared parameters. */
public record ConfigSection(String name, String description, List<ParameterSpec> parameters) {

  public ConfigSection {
    parameters = List.copyOf(parameters);
  }
}
