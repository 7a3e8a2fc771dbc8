package io.rsitr.data.image;

import java.util.Arrays;

/**
 * An 8-bit RGB image stored row by row with the three channels of each pixel next to each other
 * (height × width × channel, the layout PIL and NumPy use).
 *
 * <p>The record does not copy {@code rgb}, so the caller that builds an image hands the array
 * over and must not change it afterwards. Equality compares pixel values, not array identity.
 *
 * @param width number of columns, at least 1
 * @param height number of rows, at least 1
 * @param rgb {@code width * height * 3} unsigned samples, where sample
 *     {@code (y * width + x) * 3 + c} is channel {@code c} (0 red, 1 green, 2 blue) of pixel
 *     {@code (x, y)}
 */
public record RgbImage(int width, int height, byte[] rgb) {

  /** Number of channels per pixel. */
  public static final int CHANNELS = 3;

  public RgbImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image size must be at least 1x1, got " + width + "x" + height);
    }
    if (rgb == null) {
      throw new IllegalArgumentException("rgb sample array is missing (null)");
    }
    long expectedLength = (long) width * height * CHANNELS;
    if (rgb.length != expectedLength) {
      throw new IllegalArgumentException(
          "rgb sample array of a " + width + "x" + height + " image must have " + expectedLength
              + " entries (width * height * 3), got " + rgb.length);
    }
  }

  /**
   * Returns the value 0..255 of one channel of one pixel.
   *
   * @throws IndexOutOfBoundsException when {@code x}, {@code y} or {@code channel} is outside the
   *     image
   */
  public int get(int x, int y, int channel) {
    if (x < 0 || x >= width || y < 0 || y >= height || channel < 0 || channel >= CHANNELS) {
      throw new IndexOutOfBoundsException(
          "pixel (" + x + ", " + y + ") channel " + channel + " is outside a " + width + "x"
              + height + " RGB image");
    }
    return rgb[(y * width + x) * CHANNELS + channel] & 0xFF;
  }

  /**
   * Copies the rectangle that starts at column {@code left}, row {@code top} into a new image.
   *
   * @throws IllegalArgumentException when the rectangle is empty or reaches outside the image
   */
  public RgbImage crop(int left, int top, int cropWidth, int cropHeight) {
    boolean inside = left >= 0 && top >= 0 && cropWidth >= 1 && cropHeight >= 1
        && (long) left + cropWidth <= width && (long) top + cropHeight <= height;
    if (!inside) {
      throw new IllegalArgumentException(
          "crop of " + cropWidth + "x" + cropHeight + " at (" + left + ", " + top
              + ") does not fit inside a " + width + "x" + height + " image");
    }
    byte[] cropped = new byte[cropWidth * cropHeight * CHANNELS];
    int rowLength = cropWidth * CHANNELS;
    for (int y = 0; y < cropHeight; y++) {
      int sourceOffset = ((top + y) * width + left) * CHANNELS;
      System.arraycopy(rgb, sourceOffset, cropped, y * rowLength, rowLength);
    }
    return new RgbImage(cropWidth, cropHeight, cropped);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RgbImage image
        && width == image.width
        && height == image.height
        && Arrays.equals(rgb, image.rgb);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(rgb);
  }

  @Override
  public String toString() {
    return "RgbImage[" + width + "x" + height + "]";
  }
}
