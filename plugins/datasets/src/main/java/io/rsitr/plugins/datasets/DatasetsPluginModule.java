package io.rsitr.plugins.datasets;

import io.rsitr.plugin.PluginModule;

/** Registers the {@code synthetic} dataset. */
public final class DatasetsPluginModule extends PluginModule {

  @Override
  protected void configure() {
    addDataset(new SyntheticDatasetFactory());
  }
}
