package io.rsitr.plugin;

/** Factory of an {@link Interaction} plugin. */
public interface InteractionFactory extends PluginFactory<Interaction> {}
