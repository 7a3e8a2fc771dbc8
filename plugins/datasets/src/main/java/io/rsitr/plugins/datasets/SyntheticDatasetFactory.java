package io.rsitr.plugins.datasets;

import io.rsitr.plugin.Dataset;
import io.rsitr.plugin.DatasetFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code synthetic} dataset: coloured shapes on textured ground, drawn in memory from
 * a seed, for smoke runs and fresh clones without real data.
 */
public final class SyntheticDatasetFactory implements DatasetFactory {

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticDatasetFactory.class);

  /** Caption length limit used only for the statistics; synthetic captions are far shorter. */
  private static final int STATISTICS_MAX_WORDS = 77;

  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public String description() {
    return "coloured shapes on textured ground with matching captions, generated from a seed; needs no files";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.ofInt("train_images", 512, "images in the train split").atLeast(1),
        ParameterSpec.ofInt("val_images", 128, "images in the val split").atLeast(1),
        ParameterSpec.ofInt("test_images", 128, "images in the test split").atLeast(1),
        ParameterSpec.ofInt("captions_per_image", 5, "distinct captions per image")
            .range(1.0, (double) SceneCaptioner.MAX_CAPTIONS_PER_IMAGE),
        ParameterSpec.ofInt("image_size", 64, "side of the generated square images in pixels").atLeast(16),
        ParameterSpec.ofInt("seed", 7, "data seed, independent of the run seed"),
        ParameterSpec.ofInt("max_shapes", 3, "most shapes per image")
            .range(1.0, (double) SceneGenerator.MAX_SHAPES_LIMIT));
  }

  @Override
  public Dataset create(Parameters parameters) {
    return create(SyntheticSettings.from(parameters));
  }

  /** Creates the dataset from settings that bypass YAML, for tests and embedding code. */
  public Dataset create(SyntheticSettings settings) {
    SyntheticSplit train = new SyntheticSplit("train", 0, settings.trainImages(), settings);
    SyntheticSplit val = new SyntheticSplit("val", 1, settings.valImages(), settings);
    SyntheticSplit test = new SyntheticSplit("test", 2, settings.testImages(), settings);

    Map<String, String> statistics = new LinkedHashMap<>();
    for (SyntheticSplit split : List.of(train, val, test)) {
      Map<String, String> splitStatistics =
          SplitStatistics.ofCaptions(split.name(), split.captionTable(), STATISTICS_MAX_WORDS);
      LOG.info("synthetic split '{}' (seed {}): {}", split.name(), settings.seed(), splitStatistics);
      statistics.putAll(splitStatistics);
    }
    return new LoadedDataset(train, val, test, statistics);
  }
}
