package io.rsitr.plugin;

/** Factory of a {@link Dataset} plugin. */
public interface DatasetFactory extends PluginFactory<Dataset> {}
