package io.rsitr.data.image;

/**
 * Fixed-point bicubic weights for resampling one axis, computed the way Pillow's resampling code
 * computes them for 8-bit images ({@code precompute_coeffs} and {@code normalize_coeffs_8bpc} in
 * Pillow's {@code src/libImaging/Resample.c}).
 *
 * <p>Output sample {@code i} is centred on input coordinate {@code (i + 0.5) * scale}, where
 * {@code scale = inputSize / outputSize}. When shrinking, the kernel is stretched by
 * {@code scale}, which low-pass filters the input (antialiasing). The weights of each output
 * sample are divided by their sum and then stored as integers scaled by
 * 2<sup>{@value #PRECISION_BITS}</sup>, so a pass over 8-bit samples is exact integer arithmetic.
 */
final class ResampleWeights {

  /** Fraction bits of the fixed-point weights: 32 bits minus 8 for the sample, minus 2 spare. */
  static final int PRECISION_BITS = 32 - 8 - 2;

  /** Bicubic kernel parameter; -0.5 is the Catmull-Rom kernel that Pillow uses. */
  private static final double CUBIC_A = -0.5;

  /** Half-width of the unscaled bicubic kernel, in input samples. */
  private static final double CUBIC_SUPPORT = 2.0;

  /** Index of the first input sample that contributes to each output sample. */
  final int[] firstInput;

  /** Number of input samples that contribute to each output sample. */
  final int[] inputCount;

  /** Weights of output sample {@code i} start at {@code i * maxTaps}. */
  final int[] weights;

  /** Upper bound on {@link #inputCount}, the stride of {@link #weights}. */
  final int maxTaps;

  private ResampleWeights(int[] firstInput, int[] inputCount, int[] weights, int maxTaps) {
    this.firstInput = firstInput;
    this.inputCount = inputCount;
    this.weights = weights;
    this.maxTaps = maxTaps;
  }

  static ResampleWeights bicubic(int inputSize, int outputSize) {
    double scale = (double) inputSize / outputSize;
    double kernelScale = Math.max(scale, 1.0);
    double support = CUBIC_SUPPORT * kernelScale;
    int maxTaps = (int) Math.ceil(support) * 2 + 1;

    int[] firstInput = new int[outputSize];
    int[] inputCount = new int[outputSize];
    int[] weights = new int[outputSize * maxTaps];
    double[] sampleWeights = new double[maxTaps];
    for (int out = 0; out < outputSize; out++) {
      double center = (out + 0.5) * scale;
      // The (int) casts truncate toward zero like the C casts in Pillow. A negative start is
      // clamped to 0 right after, so truncation and flooring agree.
      int first = Math.max((int) (center - support + 0.5), 0);
      int end = Math.min((int) (center + support + 0.5), inputSize);
      int count = end - first;

      double sum = 0.0;
      for (int tap = 0; tap < count; tap++) {
        double distance = (first + tap - center + 0.5) / kernelScale;
        sampleWeights[tap] = cubic(distance);
        sum += sampleWeights[tap];
      }
      for (int tap = 0; tap < count; tap++) {
        double normalized = sum != 0.0 ? sampleWeights[tap] / sum : sampleWeights[tap];
        weights[out * maxTaps + tap] = toFixedPoint(normalized);
      }
      firstInput[out] = first;
      inputCount[out] = count;
    }
    return new ResampleWeights(firstInput, inputCount, weights, maxTaps);
  }

  /** Cubic convolution kernel with parameter {@link #CUBIC_A} (Keys, 1981). */
  static double cubic(double x) {
    double distance = Math.abs(x);
    if (distance < 1.0) {
      return ((CUBIC_A + 2.0) * distance - (CUBIC_A + 3.0)) * distance * distance + 1.0;
    }
    if (distance < 2.0) {
      return (((distance - 5.0) * distance + 8.0) * distance - 4.0) * CUBIC_A;
    }
    return 0.0;
  }

  /** Rounds half away from zero, then truncates, as Pillow does when it quantises weights. */
  private static int toFixedPoint(double weight) {
    double scaled = weight * (1 << PRECISION_BITS);
    return (int) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  }

  /**
   * Converts an accumulated fixed-point sum back to an 8-bit sample, clamping to 0..255. The sum
   * starts at half of one unit, so the shift rounds to nearest.
   */
  static int toEightBits(int accumulator) {
    int value = accumulator >> PRECISION_BITS;
    return value < 0 ? 0 : Math.min(value, 255);
  }

  /** Initial accumulator value: 0.5 in fixed point, so that the final shift rounds. */
  static int roundingOffset() {
    return 1 << (PRECISION_BITS - 1);
  }
}
