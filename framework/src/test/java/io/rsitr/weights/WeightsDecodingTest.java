package io.rsitr.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WeightsDecodingTest {

  @Test
  void float16NormalValuesConvertExactly() {
    assertThat(HalfFloat.float16ToFloat((short) 0x3c00)).as("1.0").isEqualTo(1.0f);
    assertThat(HalfFloat.float16ToFloat((short) 0xc000)).as("-2.0").isEqualTo(-2.0f);
    assertThat(HalfFloat.float16ToFloat((short) 0x7bff)).as("largest finite").isEqualTo(65504.0f);
    assertThat(HalfFloat.float16ToFloat((short) 0x3555)).as("nearest to 1/3").isEqualTo(0.333251953125f);
    assertThat(HalfFloat.float16ToFloat((short) 0x0400)).as("smallest normal").isEqualTo(0x1p-14f);
  }

  @Test
  void float16SubnormalsAndZerosConvertExactly() {
    assertThat(HalfFloat.float16ToFloat((short) 0x0001)).as("smallest subnormal").isEqualTo(0x1p-24f);
    assertThat(HalfFloat.float16ToFloat((short) 0x03ff)).as("largest subnormal").isEqualTo(1023 * 0x1p-24f);
    assertThat(HalfFloat.float16ToFloat((short) 0x8001)).as("negative subnormal").isEqualTo(-0x1p-24f);
    assertThat(Float.floatToRawIntBits(HalfFloat.float16ToFloat((short) 0x0000))).as("+0").isEqualTo(0);
    assertThat(Float.floatToRawIntBits(HalfFloat.float16ToFloat((short) 0x8000))).as("-0").isEqualTo(0x80000000);
  }

  @Test
  void float16InfinitiesAndNanConvert() {
    assertThat(HalfFloat.float16ToFloat((short) 0x7c00)).as("+inf").isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(HalfFloat.float16ToFloat((short) 0xfc00)).as("-inf").isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(HalfFloat.float16ToFloat((short) 0x7e00)).as("quiet NaN").isNaN();
    assertThat(HalfFloat.float16ToFloat((short) 0x7c01)).as("signalling NaN").isNaN();
  }

  @Test
  void bfloat16ConvertsUpperHalfOfFloat() {
    assertThat(HalfFloat.bfloat16ToFloat((short) 0x3f80)).as("1.0").isEqualTo(1.0f);
    assertThat(HalfFloat.bfloat16ToFloat((short) 0xc000)).as("-2.0").isEqualTo(-2.0f);
    assertThat(HalfFloat.bfloat16ToFloat((short) 0x7f80)).as("+inf").isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(HalfFloat.bfloat16ToFloat((short) 0x4049)).as("3.140625").isEqualTo(3.140625f);
  }

  @Test
  void decodeReadsEachTypeInByteOrder() {
    ByteBuffer halves = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3c00)
        .putShort((short) 0xc000).flip();
    ByteBuffer longs = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putLong(3).putLong(-7).flip();
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {(byte) 255, 1});

    assertThat(TensorDecoding.decode(halves, DType.FLOAT16, 2)).as("float16").containsExactly(1.0f, -2.0f);
    assertThat(TensorDecoding.decode(longs, DType.INT64, 2)).as("big-endian int64").containsExactly(3f, -7f);
    assertThat(TensorDecoding.decode(bytes, DType.UINT8, 2)).as("uint8").containsExactly(255f, 1f);
  }

  @Test
  void gatherCopiesPermutedThreeDimensionalView() throws WeightFormatException {
    float[] storage = new float[24];
    for (int i = 0; i < storage.length; i++) {
      storage[i] = i;
    }

    // A [2, 3, 4] tensor permuted to [4, 2, 3], as x.permute(2, 0, 1) views it.
    float[] permuted = TensorDecoding.gather(storage, 0, new long[] {4, 2, 3}, new long[] {1, 12, 4}, "x");

    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          assertThat(permuted[k * 6 + i * 3 + j]).as("element [%d, %d, %d]", k, i, j).isEqualTo(i * 12 + j * 4 + k);
        }
      }
    }
  }

  @Test
  void gatherRejectsMismatchedStrideCount() {
    assertThatThrownBy(() -> TensorDecoding.gather(new float[4], 0, new long[] {2, 2}, new long[] {1}, "x"))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("shape [2, 2] but strides [1]");
  }

  @Test
  void weightTensorRejectsValueCountOtherThanShape() {
    assertThatThrownBy(() -> new WeightTensor("w", new long[] {2, 3}, DType.FLOAT32, new float[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w has shape [2, 3] (6 elements) but 5 values");
  }
}
