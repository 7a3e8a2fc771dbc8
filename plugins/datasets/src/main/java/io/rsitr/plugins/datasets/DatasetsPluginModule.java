package io.rsitr.plugins.datasets;

import io.rsitr.plugin.PluginModule;

/** Registers the {@code synthetic} and {@code rsitr-json} datasets. */
public final class DatasetsPluginModule extends PluginModule {

  @Override
  protected void configure() {
    addDataset(new SyntheticDatasetFactory());
    addDataset(new JsonDatasetFactory());
  }
}
