package io.rsitr.spec;

import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginKind;
import java.util.Objects;

/** The plugin chosen for one extension point, with its validated parameters (defaults included). */
public record PluginChoice(PluginKind kind, String name, Parameters parameters) {

  public PluginChoice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, "parameters");
  }
}
