package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tests {@link Normalizer}. */
class ImageNormalizerTest {

  @Test
  void hwcKeepsPixelOrderAndUsesClipStatistics() {
    byte[] rgb = {0, (byte) 128, (byte) 255, 10, 20, 30};
    RgbImage image = new RgbImage(2, 1, rgb);

    float[] hwc = Normalizer.CLIP.toHwc(image);

    assertThat(hwc).hasSize(6);
    assertThat(hwc[0]).isCloseTo((0f - 0.48145466f) / 0.26862954f, within(1e-6f));
    assertThat(hwc[1]).isCloseTo((128f / 255f - 0.4578275f) / 0.26130258f, within(1e-6f));
    assertThat(hwc[2]).isCloseTo((1f - 0.40821073f) / 0.27577711f, within(1e-6f));
    assertThat(hwc[5]).isCloseTo((30f / 255f - 0.40821073f) / 0.27577711f, within(1e-6f));
  }

  @Test
  void chwIsTransposeOfHwc() {
    RgbImage image = ResizeBicubicTest.gradientImage(3, 2);

    float[] hwc = Normalizer.CLIP.toHwc(image);
    float[] chw = Normalizer.CLIP.toChw(image);

    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        for (int channel = 0; channel < 3; channel++) {
          assertThat(chw[channel * 6 + y * 3 + x]).as("x %d y %d channel %d", x, y, channel)
              .isEqualTo(hwc[(y * 3 + x) * 3 + channel]);
        }
      }
    }
  }

  @Test
  void customStatisticsAreApplied() {
    RgbImage image = ResizeBicubicTest.constantImage(1, 1, 255, 0, 51);

    float[] hwc = Normalizer.toNormalizedHwc(
        image, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.25f, 1f});

    assertThat(hwc).containsExactly(1.0f, -2.0f, -0.3f);
  }
}
