package io.rsitr.plugins.datasets;

import io.rsitr.plugin.Dataset;
import io.rsitr.plugin.DatasetFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.List;

/**
 * Creates the {@code rsitr-json} dataset from annotation files in the RSICD, RSITMD and
 * UCM-captions format. {@link #create} checks the annotations and decodes every image once, so
 * data problems fail the run before a model is built.
 */
public final class JsonDatasetFactory implements DatasetFactory {

  @Override
  public String name() {
    return "rsitr-json";
  }

  @Override
  public String description() {
    return "images on disk with captions from JSON annotation files (RSICD, RSITMD, UCM-captions format)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.ofString("image_root", "",
            "folder that the file names in the annotation files are relative to (required)"),
        ParameterSpec.ofString("train_file", "", "train annotation file (required)"),
        ParameterSpec.ofString("val_file", "", "val annotation file (required)"),
        ParameterSpec.ofString("test_file", "", "test annotation file (required)"),
        ParameterSpec.ofEnum("on_missing", "error",
            "what to do with images that are missing or fail to decode: fail the run, or skip them",
            "error", "skip"),
        ParameterSpec.ofEnum("on_empty_caption", "error",
            "what to do with captions that are empty after normalisation (RSICD train has three):"
                + " fail the run, or drop them",
            "error", "skip"),
        ParameterSpec.ofInt("max_words", 77, "words kept per caption after normalisation").atLeast(1));
  }

  /**
   * @throws DatasetValidationException when a path parameter is empty, an annotation file is
   *     invalid, or images are missing or fail to decode while {@code on_missing} is {@code error}
   */
  @Override
  public Dataset create(Parameters parameters) {
    return create(JsonDatasetSettings.from(parameters));
  }

  /** Creates the dataset from settings that bypass YAML, for tests and embedding code. */
  public Dataset create(JsonDatasetSettings settings) {
    return new JsonDatasetLoader(settings).load();
  }
}
