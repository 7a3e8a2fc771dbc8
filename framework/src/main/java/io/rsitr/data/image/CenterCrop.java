package io.rsitr.data.image;

/**
 * Cuts the centred {@code width} × {@code height} region out of an image, following torchvision's
 * {@code CenterCrop}: the offset along an axis is {@code round((size - cropSize) / 2.0)} with
 * Python's round-half-to-even, and an axis shorter than the crop is padded with black on both
 * sides ({@code (cropSize - size) / 2} pixels before, the rest after).
 */
public final class CenterCrop {

  private final int width;
  private final int height;

  /** Creates a square crop of {@code size} × {@code size}. */
  public CenterCrop(int size) {
    this(size, size);
  }

  public CenterCrop(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "centre crop size must be at least 1x1, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  public RgbImage apply(RgbImage image) {
    if (width <= image.width() && height <= image.height()) {
      int left = centredOffset(image.width(), width);
      int top = centredOffset(image.height(), height);
      return image.crop(left, top, width, height);
    }
    return cropWithPadding(image);
  }

  /** Returns {@code round((size - cropSize) / 2.0)}, rounding halves to even as Python does. */
  static int centredOffset(int size, int cropSize) {
    return (int) Math.rint((size - cropSize) / 2.0);
  }

  /**
   * Handles a crop larger than the image along at least one axis. After padding, that axis is as
   * long as the crop, so its offset is simply minus the padding before the image.
   */
  private RgbImage cropWithPadding(RgbImage image) {
    int left = width > image.width()
        ? -((width - image.width()) / 2)
        : centredOffset(image.width(), width);
    int top = height > image.height()
        ? -((height - image.height()) / 2)
        : centredOffset(image.height(), height);

    byte[] output = new byte[width * height * RgbImage.CHANNELS];
    for (int y = 0; y < height; y++) {
      int sourceY = top + y;
      if (sourceY < 0 || sourceY >= image.height()) {
        continue;
      }
      for (int x = 0; x < width; x++) {
        int sourceX = left + x;
        if (sourceX < 0 || sourceX >= image.width()) {
          continue;
        }
        int from = (sourceY * image.width() + sourceX) * RgbImage.CHANNELS;
        System.arraycopy(image.rgb(), from, output, (y * width + x) * RgbImage.CHANNELS,
            RgbImage.CHANNELS);
      }
    }
    return new RgbImage(width, height, output);
  }
}
