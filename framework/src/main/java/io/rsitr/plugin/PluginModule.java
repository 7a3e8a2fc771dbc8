package io.rsitr.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Base class of a plugin jar's Guice module. A plugin jar lists its module in
 * {@code META-INF/services/io.rsitr.plugin.PluginModule}; {@link PluginRegistry} finds it with
 * {@link java.util.ServiceLoader}. In {@link #configure()}, a module registers each factory under its
 * YAML name with one of the {@code add...} methods.
 */
public abstract class PluginModule extends AbstractModule {

  protected final void addBackbone(BackboneFactory factory) {
    backbones().addBinding(factory.name()).toInstance(factory);
  }

  protected final void addInteraction(InteractionFactory factory) {
    interactions().addBinding(factory.name()).toInstance(factory);
  }

  protected final void addLoss(LossFactory factory) {
    losses().addBinding(factory.name()).toInstance(factory);
  }

  protected final void addDataset(DatasetFactory factory) {
    datasets().addBinding(factory.name()).toInstance(factory);
  }

  // Duplicates are permitted here so that PluginRegistry can report every clash by name instead of
  // Guice failing on the first one.
  MapBinder<String, BackboneFactory> backbones() {
    return MapBinder.newMapBinder(binder(), String.class, BackboneFactory.class).permitDuplicates();
  }

  MapBinder<String, InteractionFactory> interactions() {
    return MapBinder.newMapBinder(binder(), String.class, InteractionFactory.class).permitDuplicates();
  }

  MapBinder<String, LossFactory> losses() {
    return MapBinder.newMapBinder(binder(), String.class, LossFactory.class).permitDuplicates();
  }

  MapBinder<String, DatasetFactory> datasets() {
    return MapBinder.newMapBinder(binder(), String.class, DatasetFactory.class).permitDuplicates();
  }

  /** Declares the four maps even when a module adds nothing to some of them. */
  static final class DeclareMaps extends PluginModule {
    @Override
    protected void configure() {
      backbones();
      interactions();
      losses();
      datasets();
    }
  }
}
