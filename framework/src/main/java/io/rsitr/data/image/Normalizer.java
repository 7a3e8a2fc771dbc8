package io.rsitr.data.image;

/**
 * Converts 8-bit RGB to float32 model input: each sample is divided by 255, then
 * {@code (x - mean[c]) / std[c]} per channel, in float32 arithmetic like torchvision's
 * {@code ToTensor} followed by {@code Normalize}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Normalizer {

  /** Normalisation with the channel statistics of OpenAI CLIP, which open_clip also uses. */
  public static final Normalizer CLIP = new Normalizer(
      new float[] {0.48145466f, 0.4578275f, 0.40821073f},
      new float[] {0.26862954f, 0.26130258f, 0.27577711f});

  private final float[] mean;
  private final float[] std;

  /**
   * @param mean per-channel mean (red, green, blue) on the [0, 1] scale
   * @param std per-channel standard deviation, each positive
   */
  public Normalizer(float[] mean, float[] std) {
    checkPerChannel("mean", mean);
    checkPerChannel("std", std);
    for (float value : std) {
      if (!(value > 0.0f)) {
        throw new IllegalArgumentException("std values must be positive, got " + value);
      }
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** Returns a copy of the per-channel means. */
  public float[] mean() {
    return mean.clone();
  }

  /** Returns a copy of the per-channel standard deviations. */
  public float[] std() {
    return std.clone();
  }

  /** Returns the normalised image as height × width × channel floats. */
  public float[] toHwc(RgbImage image) {
    byte[] rgb = image.rgb();
    float[] output = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      output[i] = normalize(rgb[i], i % RgbImage.CHANNELS);
    }
    return output;
  }

  /** Returns the normalised image as channel × height × width floats (PyTorch's layout). */
  public float[] toChw(RgbImage image) {
    byte[] rgb = image.rgb();
    int pixels = image.width() * image.height();
    float[] output = new float[rgb.length];
    for (int pixel = 0; pixel < pixels; pixel++) {
      for (int channel = 0; channel < RgbImage.CHANNELS; channel++) {
        output[channel * pixels + pixel] =
            normalize(rgb[pixel * RgbImage.CHANNELS + channel], channel);
      }
    }
    return output;
  }

  /** Normalises {@code image} to height × width × channel floats with the given statistics. */
  public static float[] toNormalizedHwc(RgbImage image, float[] mean, float[] std) {
    return new Normalizer(mean, std).toHwc(image);
  }

  /** Normalises {@code image} to channel × height × width floats with the given statistics. */
  public static float[] toNormalizedChw(RgbImage image, float[] mean, float[] std) {
    return new Normalizer(mean, std).toChw(image);
  }

  private float normalize(byte sample, int channel) {
    float unit = (sample & 0xFF) / 255.0f;
    return (unit - mean[channel]) / std[channel];
  }

  private static void checkPerChannel(String name, float[] values) {
    if (values == null || values.length != RgbImage.CHANNELS) {
      throw new IllegalArgumentException(
          name + " must have one value per RGB channel (3), got "
              + (values == null ? "null" : values.length + " values"));
    }
  }
}
