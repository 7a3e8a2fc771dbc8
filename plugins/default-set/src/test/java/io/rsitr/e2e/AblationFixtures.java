package io.rsitr.e2e;

import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.FrameworkSections;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.testing.SharedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The smoke ablation (momentum targets off and on, seeds 1 and 2), shortened to seconds per cell. */
final class AblationFixtures {

  static final List<String> TINY = List.of(
      "train.epochs=1", "train.max_steps_per_epoch=3", "train.log_every=1",
      "dataset.train_images=128", "dataset.val_images=32", "dataset.test_images=32");

  private AblationFixtures() {}

  static ExperimentSpec loadTinyAblation(Path outputDir, String experiment, String trackingUri) {
    List<String> overrides = new ArrayList<>(TINY);
    overrides.add("runtime.output_dir=" + outputDir);
    overrides.add("tracking.experiment=" + experiment);
    overrides.add("tracking.uri=" + trackingUri);
    PluginRegistry registry = PluginRegistry.discover();
    ExperimentLoader loader = new ExperimentLoader(registry.schema(FrameworkSections.all()));
    return loader.load(SharedFiles.projectRoot().resolve("experiments/smoke-ablation.yaml"), overrides, Map.of());
  }
}
