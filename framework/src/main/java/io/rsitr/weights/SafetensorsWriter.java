package io.rsitr.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a state dict as a safetensors file of float32 tensors, in the state dict's order (use
 * {@link StateDict#sortedByName()} for name order).
 *
 * <p>The file is written to a temporary file in the target's folder and then renamed with
 * {@link StandardCopyOption#ATOMIC_MOVE}, so a reader never sees a partly written file.
 */
public final class SafetensorsWriter {

  private static final Logger LOG = LoggerFactory.getLogger(SafetensorsWriter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  // The format pads the header with spaces so that the data starts at a multiple of 8 bytes.
  private static final int HEADER_ALIGNMENT = 8;

  private SafetensorsWriter() {}

  /** Writes {@code stateDict} to {@code target}, replacing an existing file. */
  public static void write(StateDict stateDict, Path target) throws IOException {
    write(stateDict, target, Map.of());
  }

  /** Writes {@code stateDict} with the given {@code __metadata__} strings to {@code target}. */
  public static void write(StateDict stateDict, Path target, Map<String, String> metadata) throws IOException {
    if (stateDict.contains(SafetensorsReader.METADATA_KEY)) {
      throw new IllegalArgumentException("a tensor named " + SafetensorsReader.METADATA_KEY
          + " cannot be stored because safetensors reserves that name for metadata");
    }
    byte[] header = buildHeader(stateDict, metadata);
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, target.getFileName().toString() + ".", ".tmp");
    try {
      writeContent(temporary, header, stateDict);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    LOG.info("Wrote {} tensors ({} parameters) to {}", stateDict.size(), stateDict.parameterCount(), target);
  }

  private static byte[] buildHeader(StateDict stateDict, Map<String, String> metadata) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode metadataNode = header.putObject(SafetensorsReader.METADATA_KEY);
      metadata.forEach(metadataNode::put);
    }
    long offset = 0;
    for (WeightTensor tensor : stateDict.tensors()) {
      long byteCount = (long) tensor.values().length * DType.FLOAT32.byteSize();
      ObjectNode entry = header.putObject(tensor.name());
      entry.put("dtype", DType.FLOAT32.safetensorsCode());
      ArrayNode shape = entry.putArray("shape");
      for (long size : tensor.shape()) {
        shape.add(size);
      }
      entry.putArray("data_offsets").add(offset).add(offset + byteCount);
      offset += byteCount;
    }

    byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int padding = (HEADER_ALIGNMENT - json.length % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
    byte[] padded = new byte[json.length + padding];
    System.arraycopy(json, 0, padded, 0, json.length);
    for (int i = json.length; i < padded.length; i++) {
      padded[i] = ' ';
    }
    return padded;
  }

  private static void writeContent(Path file, byte[] header, StateDict stateDict) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
      writeFully(channel, length);
      writeFully(channel, ByteBuffer.wrap(header));
      for (WeightTensor tensor : stateDict.tensors()) {
        ByteBuffer data = ByteBuffer.allocate(tensor.values().length * DType.FLOAT32.byteSize())
            .order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(tensor.values());
        writeFully(channel, data);
      }
      channel.force(true);
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
