package io.rsitr.nn;

/**
 * Mapping of a PyTorch tensor onto the TensorFlow variable that stores it.
 *
 * <p>PyTorch {@code Linear} weights are {@code [out, in]} and {@code Conv2d} weights
 * {@code [out, in, kh, kw]}; the graph multiplies row vectors by {@code [in, out]} matrices and runs
 * the patch embedding as a matrix product over patches flattened in {@code (kh, kw, in)} order.
 */
public enum ImportLayout {
  /** Same shape and element order in both frameworks. */
  IDENTITY,
  /** A 2-D {@code [out, in]} PyTorch weight stored as {@code [in, out]}. */
  TRANSPOSE,
  /** A {@code [out, in, kh, kw]} convolution kernel stored as {@code [kh * kw * in, out]}. */
  CONV_AS_MATMUL;

  /** Converts PyTorch-ordered values to the variable's order. */
  public float[] toGraphOrder(float[] torchValues, long[] torchShape) {
    switch (this) {
      case IDENTITY:
        return torchValues;
      case TRANSPOSE:
        return transpose(torchValues, (int) torchShape[0], (int) torchShape[1]);
      case CONV_AS_MATMUL:
        return convToMatmul(torchValues, torchShape);
      default:
        throw new IllegalStateException(name());
    }
  }

  /** Converts variable-ordered values back to PyTorch order, for export. */
  public float[] toTorchOrder(float[] graphValues, long[] torchShape) {
    switch (this) {
      case IDENTITY:
        return graphValues;
      case TRANSPOSE:
        return transpose(graphValues, (int) torchShape[1], (int) torchShape[0]);
      case CONV_AS_MATMUL:
        return matmulToConv(graphValues, torchShape);
      default:
        throw new IllegalStateException(name());
    }
  }

  /** Returns the variable's shape for a tensor of the given PyTorch shape. */
  public long[] graphShape(long[] torchShape) {
    switch (this) {
      case IDENTITY:
        return torchShape.clone();
      case TRANSPOSE:
        return new long[] {torchShape[1], torchShape[0]};
      case CONV_AS_MATMUL:
        return new long[] {torchShape[2] * torchShape[3] * torchShape[1], torchShape[0]};
      default:
        throw new IllegalStateException(name());
    }
  }

  private static float[] transpose(float[] values, int rows, int cols) {
    float[] out = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = values[r * cols + c];
      }
    }
    return out;
  }

  private static float[] convToMatmul(float[] values, long[] shape) {
    int out = (int) shape[0];
    int in = (int) shape[1];
    int kh = (int) shape[2];
    int kw = (int) shape[3];
    float[] result = new float[values.length];
    for (int o = 0; o < out; o++) {
      for (int c = 0; c < in; c++) {
        for (int y = 0; y < kh; y++) {
          for (int x = 0; x < kw; x++) {
            int row = (y * kw + x) * in + c;
            result[row * out + o] = values[((o * in + c) * kh + y) * kw + x];
          }
        }
      }
    }
    return result;
  }

  private static float[] matmulToConv(float[] values, long[] shape) {
    int out = (int) shape[0];
    int in = (int) shape[1];
    int kh = (int) shape[2];
    int kw = (int) shape[3];
    float[] result = new float[values.length];
    for (int o = 0; o < out; o++) {
      for (int c = 0; c < in; c++) {
        for (int y = 0; y < kh; y++) {
          for (int x = 0; x < kw; x++) {
            int row = (y * kw + x) * in + c;
            result[((o * in + c) * kh + y) * kw + x] = values[row * out + o];
          }
        }
      }
    }
    return result;
  }
}
