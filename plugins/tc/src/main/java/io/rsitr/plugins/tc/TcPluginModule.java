package io.rsitr.plugins.tc;

import io.rsitr.plugin.PluginModule;

/** Registers the {@code tc} loss. */
public final class TcPluginModule extends PluginModule {

  @Override
  protected void configure() {
    addLoss(new TcLossFactory());
  }
}
