package io.rsitr.plugins.clip;

import io.rsitr.plugin.PluginModule;

/** Registers the {@code clip} backbone. */
public final class ClipPluginModule extends PluginModule {

  @Override
  protected void configure() {
    addBackbone(new ClipBackboneFactory());
  }
}
