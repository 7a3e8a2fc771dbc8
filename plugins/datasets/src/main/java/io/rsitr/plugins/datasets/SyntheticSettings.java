package io.rsitr.plugins.datasets;

import io.rsitr.plugin.Parameters;

/**
 * Parameters of the {@code synthetic} dataset.
 *
 * @param seed the data seed; independent of the run seed, so runs with different run seeds train on the same data
 * @param imageSize side of the generated square images in pixels
 */
public record SyntheticSettings(
    int trainImages, int valImages, int testImages, int captionsPerImage, int imageSize, long seed, int maxShapes) {

  public SyntheticSettings {
    requireAtLeast("train_images", trainImages, 1);
    requireAtLeast("val_images", valImages, 1);
    requireAtLeast("test_images", testImages, 1);
    requireAtLeast("image_size", imageSize, 16);
    if (captionsPerImage < 1 || captionsPerImage > SceneCaptioner.MAX_CAPTIONS_PER_IMAGE) {
      throw new IllegalArgumentException("captions_per_image must be between 1 and "
          + SceneCaptioner.MAX_CAPTIONS_PER_IMAGE + ", got " + captionsPerImage);
    }
    if (maxShapes < 1 || maxShapes > SceneGenerator.MAX_SHAPES_LIMIT) {
      throw new IllegalArgumentException(
          "max_shapes must be between 1 and " + SceneGenerator.MAX_SHAPES_LIMIT + ", got " + maxShapes);
    }
  }

  /** Returns the default settings with another split size for every split, for small tests. */
  public static SyntheticSettings withImagesPerSplit(int images) {
    return new SyntheticSettings(images, images, images, 5, 64, 7, 3);
  }

  public static SyntheticSettings from(Parameters parameters) {
    return new SyntheticSettings(
        parameters.getInt("train_images"),
        parameters.getInt("val_images"),
        parameters.getInt("test_images"),
        parameters.getInt("captions_per_image"),
        parameters.getInt("image_size"),
        parameters.getInt("seed"),
        parameters.getInt("max_shapes"));
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
  }
}
