package io.rsitr.plugin;

/** Factory of a {@link ContrastiveLoss} plugin. */
public interface LossFactory extends PluginFactory<ContrastiveLoss> {}
