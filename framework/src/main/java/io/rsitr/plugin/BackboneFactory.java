package io.rsitr.plugin;

/** Factory of a {@link Backbone} plugin. */
public interface BackboneFactory extends PluginFactory<Backbone> {}
