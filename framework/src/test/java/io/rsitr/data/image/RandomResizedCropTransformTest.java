package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link RandomResizedCrop} and {@link TrainTransform}. */
class RandomResizedCropTransformTest {

  /**
   * Rounding each side to whole pixels changes the area by at most about 0.5 / side per side. For
   * 256-pixel images that is below 0.5 %, so the fraction may leave [0.9, 1.0] by that much.
   */
  private static final double AREA_ROUNDING_TOLERANCE = 0.005;

  @Test
  void sameSeedGivesSameCrop() {
    RgbImage image = TiffDecodingTest.expectedPattern(256, 247);
    RandomResizedCrop crop = new RandomResizedCrop(224);

    RgbImage first = crop.apply(image, new SplittableRandom(42));
    RgbImage second = crop.apply(image, new SplittableRandom(42));

    assertThat(first.width()).isEqualTo(224);
    assertThat(first.height()).isEqualTo(224);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentSeedsGiveDifferentBoxes() {
    RandomResizedCrop crop = new RandomResizedCrop(224);

    CropBox first = crop.sampleCropBox(256, 256, new SplittableRandom(1));
    CropBox second = crop.sampleCropBox(256, 256, new SplittableRandom(2));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void cropAreaFractionStaysInScaleRange() {
    RandomResizedCrop crop = new RandomResizedCrop(224);
    SplittableRandom random = new SplittableRandom(7);
    int width = 256;
    int height = 256;

    for (int draw = 0; draw < 2000; draw++) {
      CropBox box = crop.sampleCropBox(width, height, random);
      double fraction = (double) box.area() / (width * height);
      double ratio = (double) box.width() / box.height();

      assertThat(fraction).as("area fraction of draw %d (%s)", draw, box)
          .isBetween(0.9 - AREA_ROUNDING_TOLERANCE, 1.0);
      assertThat(ratio).as("aspect ratio of draw %d (%s)", draw, box)
          .isBetween(0.75 - 0.01, 4.0 / 3.0 + 0.01);
      assertThat(box.left() + box.width()).as("right edge of draw %d", draw)
          .isLessThanOrEqualTo(width);
      assertThat(box.top() + box.height()).as("bottom edge of draw %d", draw)
          .isLessThanOrEqualTo(height);
    }
  }

  @Test
  void extremeAspectRatioUsesCentredFallback() {
    // A 100x10 image has ratio 10, far above 4/3, so no attempt of area >= 90 % fits.
    RandomResizedCrop crop = new RandomResizedCrop(32);

    CropBox box = crop.sampleCropBox(100, 10, new SplittableRandom(3));

    // Fallback: height 10, width round(10 * 4/3) = 13, centred at (100 - 13) / 2 = 43.
    assertThat(box).isEqualTo(new CropBox(43, 0, 13, 10));
  }

  @Test
  void trainTransformIsReproducibleAndSized() {
    RgbImage image = TiffDecodingTest.expectedPattern(256, 256);
    TrainTransform transform = new TrainTransform(224);

    float[] first = transform.apply(image, new SplittableRandom(11));
    float[] second = transform.apply(image, new SplittableRandom(11));

    assertThat(first).hasSize(224 * 224 * 3);
    assertThat(second).containsExactly(first);
  }

  @Test
  void rejectsInvalidScaleRange() {
    assertThatThrownBy(() -> new RandomResizedCrop(224, 1.0, 0.9, 0.75, 4.0 / 3.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1.0, 0.9]");
  }
}
