package io.rsitr.plugin;

import java.util.List;

/**
 * Creates one plugin from its validated YAML parameters.
 *
 * <p>Factories are stateless and registered once per JVM; {@link #create} is called once per run
 * with parameters that already passed validation against {@link #parameters()}.
 *
 * @param <T> the extension point the plugin implements
 */
public interface PluginFactory<T> {

  /** Returns the name the YAML uses to pick this plugin, for example {@code clip}. */
  String name();

  /** Returns a one-line description shown by {@code rsitr plugins}. */
  String description();

  /** Returns the declared parameters, with types, defaults and descriptions. */
  List<ParameterSpec> parameters();

  T create(Parameters parameters);
}
