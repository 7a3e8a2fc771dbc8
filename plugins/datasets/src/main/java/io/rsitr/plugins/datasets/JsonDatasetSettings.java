package io.rsitr.plugins.datasets;

import io.rsitr.plugin.Parameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of the {@code rsitr-json} dataset. Relative paths start at the working directory.
 *
 * @param imageRoot the folder that file names in the annotation files are relative to
 * @param maxWords words kept per caption; longer captions are truncated and counted
 */
public record JsonDatasetSettings(
    Path imageRoot, Path trainFile, Path valFile, Path testFile, OnMissing onMissing,
    OnEmptyCaption onEmptyCaption,
    int maxWords) {

  public JsonDatasetSettings {
    Objects.requireNonNull(imageRoot, "imageRoot");
    Objects.requireNonNull(trainFile, "trainFile");
    Objects.requireNonNull(valFile, "valFile");
    Objects.requireNonNull(testFile, "testFile");
    Objects.requireNonNull(onMissing, "onMissing");
    Objects.requireNonNull(onEmptyCaption, "onEmptyCaption");
    if (maxWords < 1) {
      throw new IllegalArgumentException("max_words must be at least 1, got " + maxWords);
    }
  }

  /**
   * Reads the settings from validated parameters.
   *
   * @throws DatasetValidationException listing every required path that is empty
   */
  public static JsonDatasetSettings from(Parameters parameters) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("image_root", "train_file", "val_file", "test_file")) {
      if (parameters.getString(name).isBlank()) {
        missing.add("dataset." + name + " is empty");
      }
    }
    if (!missing.isEmpty()) {
      throw new DatasetValidationException("the rsitr-json dataset needs every path parameter", missing,
          "Set them in the experiment YAML, for example image_root: data/rsicd and"
              + " train_file: data/rsicd/rsicd_train.json.");
    }
    return new JsonDatasetSettings(
        Path.of(parameters.getString("image_root")),
        Path.of(parameters.getString("train_file")),
        Path.of(parameters.getString("val_file")),
        Path.of(parameters.getString("test_file")),
        OnMissing.fromYamlName(parameters.getString("on_missing")),
        OnEmptyCaption.fromYamlName(parameters.getString("on_empty_caption")),
        parameters.getInt("max_words"));
  }
}
