package io.rsitr.plugins.baselines;

import io.rsitr.plugin.PluginModule;

/** Registers the {@code none} interaction and the {@code infonce} loss. */
public final class BaselinesPluginModule extends PluginModule {

  @Override
  protected void configure() {
    addInteraction(new NoInteractionFactory());
    addLoss(new InfoNceLossFactory());
  }
}
