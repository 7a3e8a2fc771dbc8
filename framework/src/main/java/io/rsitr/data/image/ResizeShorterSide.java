package io.rsitr.data.image;

/**
 * Resizes an image so that its shorter side is {@code size}, keeping the aspect ratio like
 * torchvision's {@code Resize(int)}: the longer side becomes {@code int(size * long / short)},
 * truncated toward zero. Resampling is {@link BicubicResizer}.
 */
public final class ResizeShorterSide {

  private final int size;

  public ResizeShorterSide(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("shorter-side size must be at least 1, got " + size);
    }
    this.size = size;
  }

  public RgbImage apply(RgbImage image) {
    int width = image.width();
    int height = image.height();
    if (width <= height) {
      return BicubicResizer.resize(image, size, longerSide(height, width));
    }
    return BicubicResizer.resize(image, longerSide(width, height), size);
  }

  private int longerSide(int longSide, int shortSide) {
    // Python's size * long / short is a correctly rounded double. Both operands are exact
    // doubles here, so the Java division gives the same value before truncation.
    return (int) ((double) ((long) size * longSide) / shortSide);
  }
}
