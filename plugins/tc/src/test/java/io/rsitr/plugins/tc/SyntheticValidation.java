package io.rsitr.plugins.tc;

import io.rsitr.plugin.ValidationScores;
import java.util.Random;

/**
 * Seeded validation scores of 20 images with 2 captions each, whose calibration gaps have a
 * chosen sign per direction.
 *
 * <p>An over-confident direction has large random scores with a small bonus for the true match,
 * so its softmax is peaked but often wrong (positive gap). An under-confident one has small
 * random scores with a larger bonus, so it is mostly right with a flat softmax (negative gap).
 */
final class SyntheticValidation {

  static final int IMAGES = 20;
  static final int CAPTIONS_PER_IMAGE = 2;

  private SyntheticValidation() {}

  static ValidationScores scores(long seed, boolean overConfidentI2t, boolean overConfidentT2i) {
    Random random = new Random(seed);
    int captions = IMAGES * CAPTIONS_PER_IMAGE;
    int[] imageOfCaption = new int[captions];
    int[][] captionsOfImage = new int[IMAGES][CAPTIONS_PER_IMAGE];
    for (int caption = 0; caption < captions; caption++) {
      int image = caption / CAPTIONS_PER_IMAGE;
      imageOfCaption[caption] = image;
      captionsOfImage[image][caption % CAPTIONS_PER_IMAGE] = caption;
    }

    float[][] scoresI2t = new float[IMAGES][captions];
    for (int image = 0; image < IMAGES; image++) {
      for (int caption = 0; caption < captions; caption++) {
        scoresI2t[image][caption] = score(random, overConfidentI2t, imageOfCaption[caption] == image);
      }
    }
    float[][] scoresT2i = new float[captions][IMAGES];
    for (int caption = 0; caption < captions; caption++) {
      for (int image = 0; image < IMAGES; image++) {
        scoresT2i[caption][image] = score(random, overConfidentT2i, imageOfCaption[caption] == image);
      }
    }
    return new ValidationScores(scoresI2t, scoresT2i, captionsOfImage, imageOfCaption);
  }

  private static float score(Random random, boolean overConfident, boolean match) {
    double noise = overConfident ? 8.0 : 0.3;
    double matchBonus = overConfident ? 2.0 : 1.5;
    return (float) (noise * random.nextGaussian() + (match ? matchBonus : 0.0));
  }
}
