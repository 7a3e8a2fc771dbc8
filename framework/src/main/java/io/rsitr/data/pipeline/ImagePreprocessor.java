package io.rsitr.data.pipeline;

import io.rsitr.data.image.EvalTransform;
import io.rsitr.data.image.Normalizer;
import io.rsitr.data.image.RandomResizedCrop;
import io.rsitr.data.image.RgbImage;
import java.util.random.RandomGenerator;

/**
 * Turns decoded images into normalised NHWC pixels: a random resized crop for training, resize of
 * the shorter side plus centre crop for evaluation.
 */
public final class ImagePreprocessor {

  private final int size;
  private final RandomResizedCrop trainCrop;
  private final EvalTransform evalTransform;
  private final Normalizer normalizer;

  public ImagePreprocessor(int size, float[] mean, float[] std, double scaleMin, double scaleMax) {
    this.size = size;
    this.normalizer = new Normalizer(mean, std);
    this.trainCrop = new RandomResizedCrop(
        size, scaleMin, scaleMax, RandomResizedCrop.DEFAULT_RATIO_MIN, RandomResizedCrop.DEFAULT_RATIO_MAX);
    this.evalTransform = new EvalTransform(size, normalizer);
  }

  public int size() {
    return size;
  }

  /** Returns {@code size·size·3} floats in HWC order. */
  public float[] train(RgbImage image, RandomGenerator random) {
    return normalizer.toHwc(trainCrop.apply(image, random));
  }

  /** Returns {@code size·size·3} floats in HWC order. */
  public float[] eval(RgbImage image) {
    return evalTransform.apply(image);
  }
}
