package io.rsitr.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {

  @TempDir Path folder;

  @Test
  void clipTinyRoundTripIsLossless() throws IOException {
    StateDict original = PthReader.read(SharedFiles.require("fixtures/clip_tiny/clip_tiny.pth"));
    Path file = folder.resolve("clip_tiny.safetensors");

    SafetensorsWriter.write(original, file, Map.of("source", "clip_tiny.pth"));
    StateDict copy = SafetensorsReader.read(file);

    assertThat(copy.names()).as("names in order").containsExactlyElementsOf(original.names());
    for (WeightTensor tensor : original.tensors()) {
      WeightTensor read = copy.get(tensor.name());
      assertThat(read.shape()).as("shape of %s", tensor.name()).containsExactly(tensor.shape());
      assertThat(read.values()).as("values of %s", tensor.name()).isEqualTo(tensor.values());
      assertThat(read.dtype()).as("dtype of %s", tensor.name()).isEqualTo(DType.FLOAT32);
    }
    assertThat(SafetensorsReader.readMetadata(file)).as("metadata").containsExactly(Map.entry("source", "clip_tiny.pth"));
  }

  @Test
  void writerAlignsDataAndLeavesNoTemporaryFile() throws IOException {
    StateDict stateDict = StateDict.of(List.of(
        new WeightTensor("b", new long[] {3}, DType.FLOAT32, new float[] {1, 2, 3}),
        new WeightTensor("a", new long[] {}, DType.FLOAT32, new float[] {9})));
    Path file = folder.resolve("small.safetensors");

    SafetensorsWriter.write(stateDict.sortedByName(), file);

    byte[] bytes = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLength % 8).as("header length is a multiple of 8").isZero();
    assertThat(bytes.length).as("file size").isEqualTo(8 + headerLength + 4 * 4);
    assertThat(SafetensorsReader.read(file).names()).as("sorted names").containsExactly("a", "b");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString())).as("files in folder").containsExactly("small.safetensors");
    }
  }

  @Test
  void halfPrecisionTensorsAreDecoded() throws IOException {
    String header = "{\"__metadata__\":{\"format\":\"pt\"},"
        + "\"half\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
        + "\"brain\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[4,8]},"
        + "\"ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[8,24]}}";
    ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 0x3c00).putShort((short) 0x7bff)
        .putShort((short) 0x3f80).putShort((short) 0xc000)
        .putLong(0).putLong(76);
    Path file = writeSafetensors("mixed.safetensors", header, data.array());

    StateDict stateDict = StateDict.read(file);

    assertThat(stateDict.names()).as("names in header order").containsExactly("half", "brain", "ids");
    assertThat(stateDict.get("half").values()).as("F16").containsExactly(1.0f, 65504.0f);
    assertThat(stateDict.get("half").dtype()).as("F16 dtype").isEqualTo(DType.FLOAT16);
    assertThat(stateDict.get("brain").values()).as("BF16").containsExactly(1.0f, -2.0f);
    assertThat(stateDict.get("brain").shape()).as("BF16 shape").containsExactly(1, 2);
    assertThat(stateDict.get("ids").values()).as("I64").containsExactly(0f, 76f);
  }

  @Test
  void offsetsBeyondFileAreRejected() throws IOException {
    String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
    Path file = writeSafetensors("short.safetensors", header, new byte[8]);

    assertThatThrownBy(() -> SafetensorsReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("tensor w has data_offsets [0, 16]")
        .hasMessageContaining("truncated or corrupt");
  }

  @Test
  void unsupportedDtypeIsRejected() throws IOException {
    String header = "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}";
    Path file = writeSafetensors("fp8.safetensors", header, new byte[1]);

    assertThatThrownBy(() -> SafetensorsReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("dtype 'F8_E4M3'");
  }

  @Test
  void headerLongerThanFileIsRejected() throws IOException {
    Path file = folder.resolve("bad.safetensors");
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).put((byte) '{');
    Files.write(file, bytes.array());

    assertThatThrownBy(() -> SafetensorsReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("header length 1000 does not fit a file of 12 bytes");
  }

  private Path writeSafetensors(String fileName, String header, byte[] data) throws IOException {
    byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer file = ByteBuffer.allocate(8 + headerBytes.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    file.putLong(headerBytes.length).put(headerBytes).put(data);
    Path path = folder.resolve(fileName);
    Files.write(path, file.array());
    return path;
  }
}
