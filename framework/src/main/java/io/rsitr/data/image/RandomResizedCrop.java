package io.rsitr.data.image;

import java.util.random.RandomGenerator;

/**
 * Crops a random region of random area and aspect ratio and resizes it to {@code size} ×
 * {@code size} with {@link BicubicResizer}, following torchvision's {@code RandomResizedCrop}.
 *
 * <p>Each of up to {@value #MAX_ATTEMPTS} attempts draws an area fraction uniformly from
 * [{@code scaleMin}, {@code scaleMax}] and an aspect ratio (width / height) log-uniformly from
 * [{@code ratioMin}, {@code ratioMax}], rounds the box sides half to even, and keeps the first box
 * that fits, at a uniformly drawn position. When none fits, the whole image is used, cut down to
 * the nearest allowed aspect ratio around its centre. The random draws come from the caller's
 * generator, so a seeded generator makes the crop reproducible. The crops still differ from
 * torchvision's for the same seed, because torch's random stream is not reproduced.
 *
 * <p>Instances are immutable and thread-safe, but the generator passed in is not.
 */
public final class RandomResizedCrop {

  /** Lower bound of the area fraction in this project's training recipe (torchvision: 0.08). */
  public static final double DEFAULT_SCALE_MIN = 0.9;

  public static final double DEFAULT_SCALE_MAX = 1.0;

  public static final double DEFAULT_RATIO_MIN = 3.0 / 4.0;

  public static final double DEFAULT_RATIO_MAX = 4.0 / 3.0;

  private static final int MAX_ATTEMPTS = 10;

  private final int size;
  private final double scaleMin;
  private final double scaleMax;
  private final double ratioMin;
  private final double ratioMax;

  /** Creates the crop with the default area range 0.9–1.0 and aspect ratio range 3/4–4/3. */
  public RandomResizedCrop(int size) {
    this(size, DEFAULT_SCALE_MIN, DEFAULT_SCALE_MAX, DEFAULT_RATIO_MIN, DEFAULT_RATIO_MAX);
  }

  /**
   * @param size side of the square output in pixels
   * @param scaleMin smallest crop area as a fraction of the image area, in (0, scaleMax]
   * @param scaleMax largest crop area fraction, at most 1
   * @param ratioMin smallest width / height ratio, in (0, ratioMax]
   * @param ratioMax largest width / height ratio
   */
  public RandomResizedCrop(
      int size, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
    if (size < 1) {
      throw new IllegalArgumentException("output size must be at least 1, got " + size);
    }
    if (!(scaleMin > 0.0 && scaleMin <= scaleMax && scaleMax <= 1.0)) {
      throw new IllegalArgumentException(
          "area scale range must satisfy 0 < scaleMin <= scaleMax <= 1, got [" + scaleMin + ", "
              + scaleMax + "]");
    }
    if (!(ratioMin > 0.0 && ratioMin <= ratioMax && Double.isFinite(ratioMax))) {
      throw new IllegalArgumentException(
          "aspect ratio range must satisfy 0 < ratioMin <= ratioMax < infinity, got [" + ratioMin
              + ", " + ratioMax + "]");
    }
    this.size = size;
    this.scaleMin = scaleMin;
    this.scaleMax = scaleMax;
    this.ratioMin = ratioMin;
    this.ratioMax = ratioMax;
  }

  /** Draws a crop box and returns the resized crop. */
  public RgbImage apply(RgbImage image, RandomGenerator random) {
    CropBox box = sampleCropBox(image.width(), image.height(), random);
    RgbImage cropped = image.crop(box.left(), box.top(), box.width(), box.height());
    return BicubicResizer.resize(cropped, size, size);
  }

  /** Draws the region to crop from an image of {@code width} × {@code height} pixels. */
  public CropBox sampleCropBox(int width, int height, RandomGenerator random) {
    double area = (double) width * height;
    double logRatioMin = Math.log(ratioMin);
    double logRatioMax = Math.log(ratioMax);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      double targetArea = area * uniform(random, scaleMin, scaleMax);
      double aspectRatio = Math.exp(uniform(random, logRatioMin, logRatioMax));
      int cropWidth = roundHalfEven(Math.sqrt(targetArea * aspectRatio));
      int cropHeight = roundHalfEven(Math.sqrt(targetArea / aspectRatio));
      if (cropWidth > 0 && cropWidth <= width && cropHeight > 0 && cropHeight <= height) {
        int top = random.nextInt(height - cropHeight + 1);
        int left = random.nextInt(width - cropWidth + 1);
        return new CropBox(left, top, cropWidth, cropHeight);
      }
    }
    return centralFallbackBox(width, height);
  }

  private CropBox centralFallbackBox(int width, int height) {
    double imageRatio = (double) width / height;
    int cropWidth = width;
    int cropHeight = height;
    if (imageRatio < ratioMin) {
      cropHeight = roundHalfEven(width / ratioMin);
    } else if (imageRatio > ratioMax) {
      cropWidth = roundHalfEven(height * ratioMax);
    }
    // Clamping keeps extreme ratios (such as a 1-pixel-wide image) inside the image.
    cropWidth = Math.max(1, Math.min(cropWidth, width));
    cropHeight = Math.max(1, Math.min(cropHeight, height));
    return new CropBox((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight);
  }

  /**
   * Draws from [min, max) like torch's {@code uniform_}, and returns {@code min} when they are
   * equal.
   */
  private static double uniform(RandomGenerator random, double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  /** Python's {@code int(round(value))}, which rounds halves to even. */
  private static int roundHalfEven(double value) {
    return (int) Math.rint(value);
  }
}
