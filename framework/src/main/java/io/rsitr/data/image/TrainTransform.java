package io.rsitr.data.image;

import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * Training preprocessing: {@link RandomResizedCrop} to {@code size} × {@code size}, then CLIP
 * normalisation. Output is height × width × channel float32, {@code size * size * 3} values.
 *
 * <p>Instances are immutable and thread-safe, but each thread needs its own random generator.
 */
public final class TrainTransform {

  private final RandomResizedCrop crop;
  private final Normalizer normalizer;
  private final int size;

  /**
   * Creates the transform with the default area range 0.9–1.0 and aspect ratio range 3/4–4/3.
   */
  public TrainTransform(int size) {
    this(size, RandomResizedCrop.DEFAULT_SCALE_MIN, RandomResizedCrop.DEFAULT_SCALE_MAX,
        RandomResizedCrop.DEFAULT_RATIO_MIN, RandomResizedCrop.DEFAULT_RATIO_MAX);
  }

  /** See {@link RandomResizedCrop#RandomResizedCrop(int, double, double, double, double)}. */
  public TrainTransform(
      int size, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
    this.crop = new RandomResizedCrop(size, scaleMin, scaleMax, ratioMin, ratioMax);
    this.normalizer = Normalizer.CLIP;
    this.size = size;
  }

  /** Returns the side length of the square output. */
  public int size() {
    return size;
  }

  public float[] apply(RgbImage image, RandomGenerator random) {
    return normalizer.toHwc(crop.apply(image, random));
  }

  /**
   * Decodes {@code file} and applies the transform.
   *
   * @throws ImageDecodeException when the file cannot be decoded
   */
  public float[] apply(Path file, RandomGenerator random) {
    return apply(ImageDecoder.decode(file), random);
  }
}
