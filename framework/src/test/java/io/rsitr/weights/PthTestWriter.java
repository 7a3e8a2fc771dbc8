package io.rsitr.weights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small PyTorch zip checkpoints of float32 tensors the way {@code torch.save} lays them
 * out: a protocol 2 {@code data.pkl} holding an {@code OrderedDict} of
 * {@code _rebuild_tensor_v2} calls, one raw little-endian storage per key, and {@code version}.
 */
final class PthTestWriter {

  private record View(String name, int storage, long offset, long[] shape, long[] stride, boolean parameter) {}

  private final List<float[]> storages = new ArrayList<>();
  private final List<View> views = new ArrayList<>();
  private final Map<String, Integer> extraEntries = new LinkedHashMap<>();
  private String wrapperKey;

  /** Adds a storage and returns its key (its index). */
  int addStorage(float... values) {
    storages.add(values.clone());
    return storages.size() - 1;
  }

  /** Adds a view of an existing storage; offset and strides count elements. */
  PthTestWriter addView(String name, int storage, long offset, long[] shape, long[] stride) {
    views.add(new View(name, storage, offset, shape.clone(), stride.clone(), false));
    return this;
  }

  /** Adds a contiguous tensor with its own storage. */
  PthTestWriter addTensor(String name, float[] values, long... shape) {
    views.add(new View(name, addStorage(values), 0, shape.clone(), rowMajorStrides(shape), false));
    return this;
  }

  /** Adds a contiguous tensor wrapped in {@code torch._utils._rebuild_parameter}, as an nn.Parameter pickles. */
  PthTestWriter addParameter(String name, float[] values, long... shape) {
    views.add(new View(name, addStorage(values), 0, shape.clone(), rowMajorStrides(shape), true));
    return this;
  }

  /** Puts the tensors under this key of a top-level dict, as training scripts save checkpoints. */
  PthTestWriter wrapUnder(String key) {
    wrapperKey = key;
    return this;
  }

  /** Adds an integer entry beside the wrapped state dict, such as {@code epoch}. */
  PthTestWriter addExtraEntry(String key, int value) {
    extraEntries.put(key, value);
    return this;
  }

  byte[] pickle() {
    PickleBuilder pickle = new PickleBuilder().proto(2);
    if (wrapperKey != null) {
      pickle.emptyDict().mark();
      extraEntries.forEach((key, value) -> pickle.unicode(key).integer(value));
      pickle.unicode(wrapperKey);
    }
    writeOrderedDict(pickle);
    if (wrapperKey != null) {
      pickle.setItems();
    }
    return pickle.stop().toBytes();
  }

  private void writeOrderedDict(PickleBuilder pickle) {
    pickle.global("collections", "OrderedDict").emptyTuple().reduce().mark();
    for (View view : views) {
      pickle.unicode(view.name());
      if (view.parameter()) {
        pickle.global("torch._utils", "_rebuild_parameter").mark();
      }
      pickle.global("torch._utils", "_rebuild_tensor_v2").mark();
      pickle.mark()
          .unicode("storage")
          .global("torch", "FloatStorage")
          .unicode(Integer.toString(view.storage()))
          .unicode("cpu")
          .integer(storages.get(view.storage()).length)
          .tuple()
          .persistentId();
      pickle.integer(view.offset()).integerTuple(view.shape()).integerTuple(view.stride()).falseValue();
      pickle.global("collections", "OrderedDict").emptyTuple().reduce();
      pickle.tuple().reduce();
      if (view.parameter()) {
        pickle.falseValue().global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
      }
    }
    pickle.setItems();
  }

  /** Writes the checkpoint as {@code archive/...} entries. */
  void write(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("archive/data.pkl", pickle());
    for (int key = 0; key < storages.size(); key++) {
      entries.put("archive/data/" + key, littleEndian(storages.get(key)));
    }
    entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    writeZip(file, entries);
  }

  /** Writes uncompressed zip entries in order, as torch.save does. */
  static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream output = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(output)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        byte[] content = entry.getValue();
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setMethod(ZipEntry.STORED);
        zipEntry.setSize(content.length);
        zipEntry.setCompressedSize(content.length);
        zipEntry.setCrc(crc.getValue());
        zip.putNextEntry(zipEntry);
        zip.write(content);
        zip.closeEntry();
      }
    }
  }

  static byte[] littleEndian(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  private static long[] rowMajorStrides(long[] shape) {
    long[] strides = new long[shape.length];
    long stride = 1;
    for (int dim = shape.length - 1; dim >= 0; dim--) {
      strides[dim] = stride;
      stride *= shape[dim];
    }
    return strides;
  }
}
