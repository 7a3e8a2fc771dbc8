package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests {@link ResizeShorterSide} and {@link CenterCrop} sizes and offsets. */
class ResizeShorterSideTest {

  @Test
  void landscapeImageKeepsAspectRatioTruncated() {
    RgbImage image = ResizeBicubicTest.gradientImage(500, 333);

    RgbImage resized = new ResizeShorterSide(224).apply(image);

    // 224 * 500 / 333 = 336.34, truncated to 336.
    assertThat(resized.width()).isEqualTo(336);
    assertThat(resized.height()).isEqualTo(224);
  }

  @Test
  void portraitImageKeepsAspectRatioTruncated() {
    RgbImage image = ResizeBicubicTest.gradientImage(247, 256);

    RgbImage resized = new ResizeShorterSide(224).apply(image);

    // 224 * 256 / 247 = 232.16, truncated to 232.
    assertThat(resized.width()).isEqualTo(224);
    assertThat(resized.height()).isEqualTo(232);
  }

  @Test
  void squareImageOfTargetSizeIsUnchanged() {
    RgbImage image = ResizeBicubicTest.gradientImage(64, 64);

    assertThat(new ResizeShorterSide(64).apply(image)).isSameAs(image);
  }

  @Test
  void centreCropRoundsHalfOffsetsToEven() {
    assertThat(CenterCrop.centredOffset(225, 224)).as("0.5 rounds to 0").isZero();
    assertThat(CenterCrop.centredOffset(227, 224)).as("1.5 rounds to 2").isEqualTo(2);
    assertThat(CenterCrop.centredOffset(229, 224)).as("2.5 rounds to 2").isEqualTo(2);
    assertThat(CenterCrop.centredOffset(336, 224)).isEqualTo(56);
  }

  @Test
  void centreCropTakesMiddlePixels() {
    RgbImage image = TiffDecodingTest.expectedPattern(9, 6);

    RgbImage cropped = new CenterCrop(4, 3).apply(image);

    // Offsets: round(5 / 2.0) = 2 (half to even) and round(3 / 2.0) = 2.
    assertThat(cropped.width()).isEqualTo(4);
    assertThat(cropped.height()).isEqualTo(3);
    assertThat(cropped).isEqualTo(image.crop(2, 2, 4, 3));
  }

  @Test
  void centreCropPadsSmallImageWithBlack() {
    RgbImage image = ResizeBicubicTest.constantImage(2, 4, 9, 8, 7);

    RgbImage cropped = new CenterCrop(5, 2).apply(image);

    // The width gets 1 black column before and 2 after. The height crops at round(2 / 2.0) = 1.
    assertThat(TiffDecodingTest.rgbAt(cropped, 0, 0)).containsExactly(0, 0, 0);
    assertThat(TiffDecodingTest.rgbAt(cropped, 1, 0)).containsExactly(9, 8, 7);
    assertThat(TiffDecodingTest.rgbAt(cropped, 2, 1)).containsExactly(9, 8, 7);
    assertThat(TiffDecodingTest.rgbAt(cropped, 3, 1)).containsExactly(0, 0, 0);
    assertThat(TiffDecodingTest.rgbAt(cropped, 4, 1)).containsExactly(0, 0, 0);
  }
}
