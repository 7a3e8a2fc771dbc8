package io.rsitr.plugin;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.rsitr.spec.ConfigSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins available to this JVM, discovered once with {@link ServiceLoader} and wired by Guice.
 *
 * <p>Two factories claiming one name in one extension point is an error that names both; asking for
 * a name that does not exist is an error that lists the available names.
 */
public final class PluginRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  private final Map<PluginKind, Map<String, PluginFactory<?>>> factories;

  private PluginRegistry(Map<PluginKind, Map<String, PluginFactory<?>>> factories) {
    this.factories = factories;
  }

  /** Discovers every {@link PluginModule} on the class path. */
  public static PluginRegistry discover() {
    List<Module> modules = new ArrayList<>();
    for (PluginModule module : ServiceLoader.load(PluginModule.class)) {
      modules.add(module);
    }
    if (modules.isEmpty()) {
      throw new IllegalStateException("no rsitr plugins found on the class path; run rsitr through the launcher,"
          + " which puts plugins/default-set on the class path");
    }
    return fromModules(modules);
  }

  /** Builds a registry from explicit modules (tests, embedding applications). */
  public static PluginRegistry fromModules(List<? extends Module> modules) {
    List<Module> all = new ArrayList<>(modules);
    all.add(new PluginModule.DeclareMaps());
    Injector injector = Guice.createInjector(all);

    Map<PluginKind, Map<String, PluginFactory<?>>> byKind = new EnumMap<>(PluginKind.class);
    List<String> clashes = new ArrayList<>();
    byKind.put(PluginKind.BACKBONE, collect(injector, BackboneFactory.class, PluginKind.BACKBONE, clashes));
    byKind.put(PluginKind.INTERACTION, collect(injector, InteractionFactory.class, PluginKind.INTERACTION, clashes));
    byKind.put(PluginKind.LOSS, collect(injector, LossFactory.class, PluginKind.LOSS, clashes));
    byKind.put(PluginKind.DATASET, collect(injector, DatasetFactory.class, PluginKind.DATASET, clashes));
    if (!clashes.isEmpty()) {
      throw new IllegalStateException("plugin names must be unique per extension point: " + String.join("; ", clashes)
          + "; remove one of the jars from the class path or rename a plugin");
    }
    byKind.forEach((kind, named) -> named.forEach((name, factory) ->
        LOG.info("registered {} plugin '{}' ({})", kind.yamlKey(), name, factory.getClass().getName())));
    return new PluginRegistry(byKind);
  }

  private static <F extends PluginFactory<?>> Map<String, PluginFactory<?>> collect(
      Injector injector, Class<F> type, PluginKind kind, List<String> clashes) {
    @SuppressWarnings("unchecked")
    Key<Map<String, Set<F>>> key = (Key<Map<String, Set<F>>>) Key.get(
        TypeLiteral.get(com.google.inject.util.Types.mapOf(String.class, com.google.inject.util.Types.setOf(type))));
    Map<String, PluginFactory<?>> result = new TreeMap<>();
    for (Map.Entry<String, Set<F>> entry : injector.getInstance(key).entrySet()) {
      if (entry.getValue().size() > 1) {
        List<String> classes = entry.getValue().stream().map(f -> f.getClass().getName()).sorted().toList();
        clashes.add(kind.yamlKey() + " '" + entry.getKey() + "' is claimed by " + String.join(" and ", classes));
      }
      result.put(entry.getKey(), entry.getValue().iterator().next());
    }
    return Collections.unmodifiableMap(result);
  }

  /** Returns the factories of one extension point by name, sorted. */
  public Map<String, PluginFactory<?>> factories(PluginKind kind) {
    return factories.get(kind);
  }

  /** Returns the named factory or throws an error that lists the available names. */
  public <T> PluginFactory<T> factory(PluginKind kind, String name) {
    PluginFactory<?> factory = factories.get(kind).get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown " + kind.yamlKey() + " plugin '" + name + "'; available: "
          + String.join(", ", factories.get(kind).keySet()));
    }
    @SuppressWarnings("unchecked")
    PluginFactory<T> typed = (PluginFactory<T>) factory;
    return typed;
  }

  /** Returns every plugin's declared parameters, for validating experiment YAML. */
  public Map<PluginKind, Map<String, List<ParameterSpec>>> parameterSchemas() {
    Map<PluginKind, Map<String, List<ParameterSpec>>> result = new EnumMap<>(PluginKind.class);
    factories.forEach((kind, named) -> {
      Map<String, List<ParameterSpec>> specs = new TreeMap<>();
      named.forEach((name, factory) -> specs.put(name, factory.parameters()));
      result.put(kind, specs);
    });
    return result;
  }

  /** Returns the complete schema: the given framework sections plus every plugin's parameters. */
  public ConfigSchema schema(List<io.rsitr.spec.ConfigSection> frameworkSections) {
    return new ConfigSchema(frameworkSections, parameterSchemas());
  }
}
