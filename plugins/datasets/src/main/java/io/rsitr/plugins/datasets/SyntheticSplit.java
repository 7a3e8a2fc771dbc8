package io.rsitr.plugins.datasets;

import io.rsitr.data.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One split of the {@code synthetic} dataset.
 *
 * <p>Scenes and captions are drawn when the split is created (a few hundred bytes per image);
 * pixels are drawn again on every {@link #loadImage} call, from the scene alone, so loading is
 * thread-safe and keeps no images in memory.
 */
public final class SyntheticSplit extends CaptionTableSplit {

  private final int imageSize;
  private final List<SyntheticScene> scenes;

  SyntheticSplit(String name, int splitId, int numImages, SyntheticSettings settings) {
    this(name, settings.imageSize(), generate(splitId, numImages, settings));
  }

  private SyntheticSplit(String name, int imageSize, Generated generated) {
    super(name, new CaptionTable(generated.captionsPerImage()));
    this.imageSize = imageSize;
    this.scenes = List.copyOf(generated.scenes());
  }

  /** Scenes and their captions, drawn before the split object exists. */
  private record Generated(List<SyntheticScene> scenes, List<List<String>> captionsPerImage) {}

  private static Generated generate(int splitId, int numImages, SyntheticSettings settings) {
    SceneGenerator generator = new SceneGenerator(settings.seed(), settings.maxShapes());
    List<SyntheticScene> generated = new ArrayList<>(numImages);
    List<List<String>> captionsPerImage = new ArrayList<>(numImages);
    for (int image = 0; image < numImages; image++) {
      SyntheticScene scene = generator.generate(splitId, image);
      long captionSeed = SyntheticSeeds.streamSeed(settings.seed(), splitId, image, SyntheticSeeds.CAPTIONS);
      generated.add(scene);
      captionsPerImage.add(SceneCaptioner.write(scene, settings.captionsPerImage(), captionSeed));
    }
    return new Generated(generated, captionsPerImage);
  }

  @Override
  public int numImages() {
    return scenes.size();
  }

  @Override
  public String imageId(int imageIndex) {
    return "synthetic/" + name() + "/" + imageIndex;
  }

  @Override
  public RgbImage loadImage(int imageIndex) {
    return SceneRenderer.render(scene(imageIndex), imageSize);
  }

  /** Returns what image {@code imageIndex} shows, the ground truth its captions describe. */
  public SyntheticScene scene(int imageIndex) {
    if (imageIndex < 0 || imageIndex >= scenes.size()) {
      throw new IndexOutOfBoundsException(
          "image index " + imageIndex + " is outside synthetic split '" + name() + "' of " + scenes.size() + " images");
    }
    return scenes.get(imageIndex);
  }
}
