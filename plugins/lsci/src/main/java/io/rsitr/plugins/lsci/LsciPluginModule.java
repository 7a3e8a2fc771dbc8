package io.rsitr.plugins.lsci;

import io.rsitr.plugin.PluginModule;

/** Registers the {@code lsci} interaction. */
public final class LsciPluginModule extends PluginModule {

  @Override
  protected void configure() {
    addInteraction(new LsciInteractionFactory());
  }
}
