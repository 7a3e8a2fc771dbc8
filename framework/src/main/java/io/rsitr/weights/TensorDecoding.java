package io.rsitr.weights;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Decodes raw storage bytes to float32 and copies strided views into contiguous arrays. */
final class TensorDecoding {

  private TensorDecoding() {}

  /** Decodes {@code count} elements of {@code type} starting at the buffer's position, in its byte order. */
  static float[] decode(ByteBuffer buffer, DType type, int count) {
    float[] values = new float[count];
    switch (type) {
      case FLOAT32 -> buffer.asFloatBuffer().get(values);
      case FLOAT16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = HalfFloat.float16ToFloat(buffer.getShort());
        }
      }
      case BFLOAT16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = HalfFloat.bfloat16ToFloat(buffer.getShort());
        }
      }
      case FLOAT64 -> {
        for (int i = 0; i < count; i++) {
          values[i] = (float) buffer.getDouble();
        }
      }
      case INT64 -> {
        for (int i = 0; i < count; i++) {
          values[i] = buffer.getLong();
        }
      }
      case INT32 -> {
        for (int i = 0; i < count; i++) {
          values[i] = buffer.getInt();
        }
      }
      case INT16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = buffer.getShort();
        }
      }
      case INT8 -> {
        for (int i = 0; i < count; i++) {
          values[i] = buffer.get();
        }
      }
      case UINT8, BOOL -> {
        for (int i = 0; i < count; i++) {
          values[i] = buffer.get() & 0xff;
        }
      }
    }
    return values;
  }

  /**
   * Copies the view {@code (offset, shape, stride)} of a storage into a new row-major array, as
   * {@code torch.Tensor.contiguous()} would. Offset and strides count elements, not bytes.
   */
  static float[] gather(float[] storage, long offset, long[] shape, long[] stride, String name)
      throws WeightFormatException {
    if (shape.length != stride.length) {
      throw new WeightFormatException(
          "tensor " + name + " has shape " + Arrays.toString(shape) + " but strides " + Arrays.toString(stride));
    }
    long count = WeightTensor.elementCount(shape);
    if (count == 0) {
      return new float[0];
    }
    long lastIndex = offset;
    for (int dim = 0; dim < shape.length; dim++) {
      if (stride[dim] < 0) {
        throw new WeightFormatException("tensor " + name + " has a negative stride " + Arrays.toString(stride));
      }
      lastIndex += (shape[dim] - 1) * stride[dim];
    }
    if (offset < 0 || lastIndex >= storage.length) {
      throw new WeightFormatException(
          "tensor " + name + " (offset " + offset + ", shape " + Arrays.toString(shape) + ", strides "
              + Arrays.toString(stride) + ") reaches element " + lastIndex + " of a storage with "
              + storage.length + " elements; the file is corrupt");
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new WeightFormatException("tensor " + name + " has " + count + " elements, more than a Java array can hold");
    }

    if (isRowMajor(shape, stride)) {
      return Arrays.copyOfRange(storage, (int) offset, (int) (offset + count));
    }
    return gatherStrided(storage, offset, shape, stride, (int) count);
  }

  private static boolean isRowMajor(long[] shape, long[] stride) {
    long expected = 1;
    for (int dim = shape.length - 1; dim >= 0; dim--) {
      // The stride of a dimension of size 1 is never used, so PyTorch may store any value there.
      if (shape[dim] != 1 && stride[dim] != expected) {
        return false;
      }
      expected *= shape[dim];
    }
    return true;
  }

  private static float[] gatherStrided(float[] storage, long offset, long[] shape, long[] stride, int count) {
    float[] values = new float[count];
    long[] index = new long[shape.length];
    long position = offset;
    for (int i = 0; i < count; i++) {
      values[i] = storage[(int) position];
      // Advance the multi-index like an odometer, the last dimension fastest.
      for (int dim = shape.length - 1; dim >= 0; dim--) {
        index[dim]++;
        position += stride[dim];
        if (index[dim] < shape[dim]) {
          break;
        }
        position -= index[dim] * stride[dim];
        index[dim] = 0;
      }
    }
    return values;
  }
}
