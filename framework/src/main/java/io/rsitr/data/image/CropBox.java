package io.rsitr.data.image;

/**
 * A rectangle in pixel coordinates: column {@code left}, row {@code top}, and its size.
 */
public record CropBox(int left, int top, int width, int height) {

  public CropBox {
    if (left < 0 || top < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "crop box needs a non-negative origin and a size of at least 1x1, got " + width + "x"
              + height + " at (" + left + ", " + top + ")");
    }
  }

  /** Returns the number of pixels inside the box. */
  public long area() {
    return (long) width * height;
  }
}
