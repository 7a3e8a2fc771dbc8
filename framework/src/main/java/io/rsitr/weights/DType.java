package io.rsitr.weights;

import java.util.Locale;
import java.util.Optional;

/**
 * Element type of a stored tensor, as the checkpoint recorded it.
 *
 * <p>Every type is decoded to float32 in {@link WeightTensor#values()}; the original type is kept
 * so that inspection shows what the file contains.
 */
public enum DType {
  FLOAT32(4, "F32", "FloatStorage"),
  FLOAT16(2, "F16", "HalfStorage"),
  BFLOAT16(2, "BF16", "BFloat16Storage"),
  FLOAT64(8, "F64", "DoubleStorage"),
  INT64(8, "I64", "LongStorage"),
  INT32(4, "I32", "IntStorage"),
  INT16(2, "I16", "ShortStorage"),
  INT8(1, "I8", "CharStorage"),
  UINT8(1, "U8", "ByteStorage"),
  BOOL(1, "BOOL", "BoolStorage");

  private final int byteSize;
  private final String safetensorsCode;
  private final String torchStorageClass;

  DType(int byteSize, String safetensorsCode, String torchStorageClass) {
    this.byteSize = byteSize;
    this.safetensorsCode = safetensorsCode;
    this.torchStorageClass = torchStorageClass;
  }

  /** Returns the number of bytes one element occupies in a file. */
  public int byteSize() {
    return byteSize;
  }

  /** Returns the dtype string of the safetensors header, for example {@code F16}. */
  public String safetensorsCode() {
    return safetensorsCode;
  }

  /** Returns the legacy PyTorch storage class in module {@code torch}, for example {@code HalfStorage}. */
  public String torchStorageClass() {
    return torchStorageClass;
  }

  /** Returns the type for a safetensors dtype string, or empty when this reader does not support it. */
  public static Optional<DType> fromSafetensorsCode(String code) {
    String upper = code.toUpperCase(Locale.ROOT);
    for (DType type : values()) {
      if (type.safetensorsCode.equals(upper)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Returns the type for a PyTorch storage class name such as {@code FloatStorage}, or empty. */
  public static Optional<DType> fromTorchStorageClass(String className) {
    for (DType type : values()) {
      if (type.torchStorageClass.equals(className)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
