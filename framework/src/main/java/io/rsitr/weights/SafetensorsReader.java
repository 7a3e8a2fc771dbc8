package io.rsitr.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a safetensors file: an unsigned 64-bit little-endian header length N, N bytes of JSON
 * describing each tensor ({@code dtype}, {@code shape}, {@code data_offsets} relative to the end of
 * the header) and an optional {@code __metadata__} map of strings, then the little-endian data.
 */
public final class SafetensorsReader {

  private static final Logger LOG = LoggerFactory.getLogger(SafetensorsReader.class);
  static final String METADATA_KEY = "__metadata__";
  // Safetensors readers cap the header at 100,000,000 bytes, as the huggingface crate does.
  // A larger length means another format or a corrupt file.
  static final long MAX_HEADER_BYTES = 100_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsReader() {}

  /** Reads every tensor, decoded to float32, in header order. */
  public static StateDict read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      long headerLength = readHeaderLength(channel, fileSize, file);
      JsonNode header = readHeader(channel, headerLength, file);
      long dataStart = 8 + headerLength;

      List<WeightTensor> tensors = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getKey().equals(METADATA_KEY)) {
          tensors.add(readTensor(channel, field.getKey(), field.getValue(), dataStart, fileSize, file));
        }
      }
      StateDict stateDict = StateDict.of(tensors);
      LOG.info("Read {} tensors ({} parameters) from {}", stateDict.size(), stateDict.parameterCount(), file);
      return stateDict;
    }
  }

  /** Returns the {@code __metadata__} strings of the header, or an empty map. */
  public static Map<String, String> readMetadata(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long headerLength = readHeaderLength(channel, channel.size(), file);
      JsonNode metadata = readHeader(channel, headerLength, file).path(METADATA_KEY);
      Map<String, String> values = new LinkedHashMap<>();
      metadata.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
      return values;
    }
  }

  private static long readHeaderLength(FileChannel channel, long fileSize, Path file) throws IOException {
    ByteBuffer lengthBytes = readFully(channel, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = lengthBytes.getLong();
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - 8) {
      throw new WeightFormatException(file + " is not a valid safetensors file: header length "
          + Long.toUnsignedString(headerLength) + " does not fit a file of " + fileSize + " bytes");
    }
    return headerLength;
  }

  private static JsonNode readHeader(FileChannel channel, long headerLength, Path file) throws IOException {
    ByteBuffer headerBytes = readFully(channel, 8, (int) headerLength, file);
    String text = StandardCharsets.UTF_8.decode(headerBytes).toString();
    JsonNode header;
    try {
      header = JSON.readTree(text);
    } catch (JsonProcessingException invalid) {
      throw new WeightFormatException(file + " has an invalid safetensors header: " + invalid.getOriginalMessage(), invalid);
    }
    if (header == null || !header.isObject()) {
      throw new WeightFormatException(file + " has a safetensors header that is not a JSON object");
    }
    return header;
  }

  private static WeightTensor readTensor(
      FileChannel channel, String name, JsonNode entry, long dataStart, long fileSize, Path file) throws IOException {
    String dtypeCode = entry.path("dtype").asText();
    DType dtype = DType.fromSafetensorsCode(dtypeCode).orElseThrow(() -> new WeightFormatException(
        file + " tensor " + name + " has dtype '" + dtypeCode + "', which this reader does not support"));
    long[] shape = readLongs(entry.path("shape"), name, "shape", file);
    long[] offsets = readLongs(entry.path("data_offsets"), name, "data_offsets", file);
    if (offsets.length != 2) {
      throw new WeightFormatException(file + " tensor " + name + " has data_offsets of length " + offsets.length + ", expected 2");
    }

    long elementCount = WeightTensor.elementCount(shape);
    long byteCount = offsets[1] - offsets[0];
    if (offsets[0] < 0 || byteCount != elementCount * dtype.byteSize() || dataStart + offsets[1] > fileSize) {
      throw new WeightFormatException(file + " tensor " + name + " has data_offsets [" + offsets[0] + ", " + offsets[1]
          + "] that do not match " + elementCount + " " + dtype + " elements within a file of " + fileSize
          + " bytes; the file is truncated or corrupt");
    }
    if (byteCount > Integer.MAX_VALUE - 8) {
      throw new WeightFormatException(file + " tensor " + name + " has " + byteCount
          + " bytes; this reader supports tensors below 2 GiB");
    }
    ByteBuffer data = readFully(channel, dataStart + offsets[0], (int) byteCount, file).order(ByteOrder.LITTLE_ENDIAN);
    return new WeightTensor(name, shape, dtype, TensorDecoding.decode(data, dtype, (int) elementCount));
  }

  private static long[] readLongs(JsonNode array, String name, String field, Path file) throws WeightFormatException {
    if (!array.isArray()) {
      throw new WeightFormatException(file + " tensor " + name + " has no " + field + " array");
    }
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode item = array.get(i);
      if (!item.canConvertToLong() || !item.isIntegralNumber()) {
        throw new WeightFormatException(file + " tensor " + name + " has a non-integer in " + field + ": " + array);
      }
      values[i] = item.asLong();
    }
    return values;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new WeightFormatException(file + " ends after " + (position + buffer.position())
            + " bytes; the file is truncated");
      }
    }
    buffer.flip();
    return buffer;
  }
}
