package io.rsitr.data.image;

import java.nio.file.Path;

/**
 * Evaluation preprocessing: bicubic resize of the shorter side to {@code size}, centre crop of
 * {@code size} × {@code size}, then CLIP normalisation. Output is height × width × channel
 * float32, {@code size * size * 3} values.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EvalTransform {

  private final int size;
  private final ResizeShorterSide resize;
  private final CenterCrop crop;
  private final Normalizer normalizer;

  public EvalTransform(int size) {
    this(size, Normalizer.CLIP);
  }

  public EvalTransform(int size, Normalizer normalizer) {
    if (normalizer == null) {
      throw new IllegalArgumentException("normalizer is missing (null)");
    }
    this.size = size;
    this.resize = new ResizeShorterSide(size);
    this.crop = new CenterCrop(size);
    this.normalizer = normalizer;
  }

  /** Returns the side length of the square output. */
  public int size() {
    return size;
  }

  /** Returns the resized and cropped 8-bit image, before normalisation. */
  public RgbImage resizeAndCrop(RgbImage image) {
    return crop.apply(resize.apply(image));
  }

  public float[] apply(RgbImage image) {
    return normalizer.toHwc(resizeAndCrop(image));
  }

  /**
   * Decodes {@code file} and applies the transform.
   *
   * @throws ImageDecodeException when the file cannot be decoded
   */
  public float[] apply(Path file) {
    return apply(ImageDecoder.decode(file));
  }
}
