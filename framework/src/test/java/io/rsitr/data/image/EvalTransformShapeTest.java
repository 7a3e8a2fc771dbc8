package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests the output shape of {@link EvalTransform} on non-square input. */
class EvalTransformShapeTest {

  @Test
  void landscapeImageBecomesSquare() {
    RgbImage image = TiffDecodingTest.expectedPattern(300, 200);
    EvalTransform transform = new EvalTransform(64);

    RgbImage prepared = transform.resizeAndCrop(image);
    float[] hwc = transform.apply(image);

    assertThat(prepared.width()).isEqualTo(64);
    assertThat(prepared.height()).isEqualTo(64);
    assertThat(hwc).hasSize(64 * 64 * 3);
    assertThat(hwc).containsExactly(Normalizer.CLIP.toHwc(prepared));
  }
}
