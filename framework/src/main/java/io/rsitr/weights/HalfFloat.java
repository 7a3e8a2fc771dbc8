package io.rsitr.weights;

/**
 * Conversions from the 16-bit float formats that checkpoints use to {@code float}.
 *
 * <p>Java 17 has no {@code Float.float16ToFloat} (it arrived in Java 20), so IEEE 754 binary16 is
 * decoded by hand here.
 */
public final class HalfFloat {

  private static final int BINARY16_EXPONENT_MASK = 0x1f;
  private static final int BINARY16_MANTISSA_MASK = 0x3ff;
  // binary16 exponent bias is 15 and binary32 bias is 127, so a normal exponent moves by 112.
  private static final int EXPONENT_BIAS_DIFFERENCE = 127 - 15;
  // A binary16 subnormal is mantissa * 2^-24.
  private static final float BINARY16_SUBNORMAL_UNIT = 0x1p-24f;

  private HalfFloat() {}

  /** Converts IEEE 754 binary16 bits (PyTorch {@code float16}) to float; the conversion is exact. */
  public static float float16ToFloat(short bits) {
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & BINARY16_EXPONENT_MASK;
    int mantissa = bits & BINARY16_MANTISSA_MASK;

    if (exponent == BINARY16_EXPONENT_MASK) {
      // Infinity when the mantissa is zero, NaN otherwise; the NaN payload is kept.
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * BINARY16_SUBNORMAL_UNIT;
      return sign != 0 ? -magnitude : magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + EXPONENT_BIAS_DIFFERENCE) << 23) | (mantissa << 13));
  }

  /** Converts bfloat16 bits, the upper half of a binary32, to float; the conversion is exact. */
  public static float bfloat16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }
}
