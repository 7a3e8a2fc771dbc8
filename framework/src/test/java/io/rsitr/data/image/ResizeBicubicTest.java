package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests {@link BicubicResizer} and the weights behind it. */
class ResizeBicubicTest {

  @Test
  void unchangedSizeReturnsSameImage() {
    RgbImage image = gradientImage(7, 5);

    assertThat(BicubicResizer.resize(image, 7, 5)).isSameAs(image);
  }

  @Test
  void shrinkingConstantImageKeepsValue() {
    RgbImage image = constantImage(50, 37, 123, 45, 200);

    RgbImage resized = BicubicResizer.resize(image, 17, 11);

    assertThat(resized.width()).isEqualTo(17);
    assertThat(resized.height()).isEqualTo(11);
    assertThat(resized).isEqualTo(constantImage(17, 11, 123, 45, 200));
  }

  @Test
  void enlargingConstantImageKeepsValue() {
    RgbImage image = constantImage(6, 4, 0, 255, 77);

    RgbImage resized = BicubicResizer.resize(image, 19, 9);

    assertThat(resized).isEqualTo(constantImage(19, 9, 0, 255, 77));
  }

  /**
   * Shrinking 4 to 2 doubles the kernel width, so output 0 (centre 1.0) weighs inputs 0..3 at
   * scaled distances 0.25, 0.25, 0.75 and 1.25. The cubic kernel gives 0.8671875, 0.8671875,
   * 0.2265625 and -0.0703125, which sum to 1.890625. For inputs 10, 20, 30, 40 that is
   * 30.0 / 1.890625 = 15.87, rounded to 16. Output 1 mirrors the weights and gives
   * 64.53125 / 1.890625 = 34.13, rounded to 34.
   */
  @Test
  void shrinkingFourToTwoMatchesHandComputedKernel() {
    RgbImage image = grayRow(10, 20, 30, 40);

    RgbImage resized = BicubicResizer.resize(image, 2, 1);

    assertThat(grayValues(resized)).containsExactly(16, 34);
  }

  @Test
  void shrinkingFourToTwoUsesHandComputedWeights() {
    ResampleWeights weights = ResampleWeights.bicubic(4, 2);
    double scale = 1 << ResampleWeights.PRECISION_BITS;
    double sum = 1.890625;

    assertThat(weights.firstInput).containsExactly(0, 0);
    assertThat(weights.inputCount).containsExactly(4, 4);
    assertThat(weights.weights[0]).isEqualTo((int) Math.round(0.8671875 / sum * scale));
    assertThat(weights.weights[2]).isEqualTo((int) Math.round(0.2265625 / sum * scale));
    assertThat(weights.weights[3]).isEqualTo((int) -Math.round(0.0703125 / sum * scale));
  }

  /**
   * Enlarging 2 to 4 keeps the kernel width. Output 0 (centre 0.25) weighs inputs 0 and 1 with
   * 0.8671875 and -0.0703125 (normalised by their sum 0.796875), so 0 and 200 give -17.6, which
   * clamps to 0. Outputs 1 to 3 give 41.4, 158.6 and 217.6.
   */
  @Test
  void enlargingTwoToFourClampsNegativeResult() {
    RgbImage image = grayRow(0, 200);

    RgbImage resized = BicubicResizer.resize(image, 4, 1);

    assertThat(grayValues(resized)).containsExactly(0, 41, 159, 218);
  }

  /** Expected values were produced by Pillow 11.3.0: {@code Image.resize((3, 4), BICUBIC)}. */
  @Test
  void shrinkingAndEnlargingMatchesPillowOutput() {
    RgbImage image = formulaImage(7, 5);

    RgbImage resized = BicubicResizer.resize(image, 3, 4);

    int[] expected = {
        29, 6, 232, 113, 50, 164, 197, 143, 96,
        42, 34, 223, 126, 78, 155, 210, 171, 87,
        56, 64, 215, 140, 107, 147, 227, 204, 79,
        69, 92, 206, 160, 142, 138, 158, 149, 70};
    assertThat(unsigned(resized.rgb())).containsExactly(expected);
  }

  @Test
  void rejectsEmptyTargetSize() {
    RgbImage image = gradientImage(4, 4);

    assertThatThrownBy(() -> BicubicResizer.resize(image, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x3");
  }

  /** Builds the 7×5 input of the Pillow comparison from a position formula. */
  private static RgbImage formulaImage(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int offset = (y * width + x) * 3;
        rgb[offset] = (byte) ((x * 37 + y * 11) % 256);
        rgb[offset + 1] = (byte) ((x * x * 5 + y * 23) % 256);
        rgb[offset + 2] = (byte) Math.floorMod(255 - x * 30 - y * 7, 256);
      }
    }
    return new RgbImage(width, height, rgb);
  }

  static RgbImage constantImage(int width, int height, int red, int green, int blue) {
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) red;
      rgb[i + 1] = (byte) green;
      rgb[i + 2] = (byte) blue;
    }
    return new RgbImage(width, height, rgb);
  }

  static RgbImage gradientImage(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (i * 13);
    }
    return new RgbImage(width, height, rgb);
  }

  private static RgbImage grayRow(int... values) {
    byte[] rgb = new byte[values.length * 3];
    for (int x = 0; x < values.length; x++) {
      rgb[x * 3] = (byte) values[x];
      rgb[x * 3 + 1] = (byte) values[x];
      rgb[x * 3 + 2] = (byte) values[x];
    }
    return new RgbImage(values.length, 1, rgb);
  }

  /** Returns the red channel of a one-row gray image, after checking that it is still gray. */
  private static int[] grayValues(RgbImage row) {
    int[] values = new int[row.width()];
    for (int x = 0; x < row.width(); x++) {
      values[x] = row.get(x, 0, 0);
      assertThat(row.get(x, 0, 1)).as("green of pixel %d", x).isEqualTo(values[x]);
      assertThat(row.get(x, 0, 2)).as("blue of pixel %d", x).isEqualTo(values[x]);
    }
    return values;
  }

  private static int[] unsigned(byte[] samples) {
    int[] values = new int[samples.length];
    for (int i = 0; i < samples.length; i++) {
      values[i] = samples[i] & 0xFF;
    }
    return values;
  }
}
