package io.rsitr.cli;

import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.FrameworkSections;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.List;

/** Loads experiment YAML against the plugins on the class path. */
final class Experiments {

  private Experiments() {}

  static ExperimentSpec load(PluginRegistry registry, Path file, List<String> overrides) {
    ExperimentLoader loader = new ExperimentLoader(registry.schema(FrameworkSections.all()));
    return loader.load(file, overrides, System.getenv());
  }
}
