package io.rsitr.weights;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named tensor of a checkpoint, decoded to float32.
 *
 * <p>{@code shape} is in PyTorch order (a {@code Linear} weight is {@code [out, in]}) and
 * {@code values} is contiguous row-major. An empty shape is a scalar with one value. The arrays
 * are not copied, so callers must not change them after construction. Integer types are
 * converted to float as well, which is exact only up to 2^24.
 */
public record WeightTensor(String name, long[] shape, DType dtype, float[] values) {

  public WeightTensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(values, "values");
    long elementCount = elementCount(shape);
    if (elementCount != values.length) {
      throw new IllegalArgumentException(
          "tensor " + name + " has shape " + Arrays.toString(shape) + " (" + elementCount
              + " elements) but " + values.length + " values");
    }
  }

  /** Returns the number of elements of a shape: the product of its sizes, 1 for a scalar. */
  public static long elementCount(long[] shape) {
    long count = 1;
    for (long size : shape) {
      if (size < 0) {
        throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
      }
      count = Math.multiplyExact(count, size);
    }
    return count;
  }

  /** Returns the number of elements. */
  public long elementCount() {
    return values.length;
  }

  /** Returns the same values under another name. */
  public WeightTensor withName(String newName) {
    return new WeightTensor(newName, shape, dtype, values);
  }

  /** Returns the shape formatted as {@code [77, 32]}, or {@code []} for a scalar. */
  public String shapeText() {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WeightTensor tensor
        && name.equals(tensor.name)
        && dtype == tensor.dtype
        && Arrays.equals(shape, tensor.shape)
        && Arrays.equals(values, tensor.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "WeightTensor[" + name + " " + shapeText() + " " + dtype + "]";
  }
}
