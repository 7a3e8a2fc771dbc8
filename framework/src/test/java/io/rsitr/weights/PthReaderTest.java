package io.rsitr.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PthReaderTest {

  private static final String CLIP_TINY = "fixtures/clip_tiny/clip_tiny.pth";
  private static final String CLIP_TINY_OUTPUTS = "fixtures/clip_tiny/clip_tiny_outputs.json";
  private static final String LSCI_TINY = "fixtures/lsci_tiny/lsci_tiny.pth";
  private static final String LSCI_TINY_OUTPUTS = "fixtures/lsci_tiny/lsci_tiny_outputs.json";

  @TempDir Path folder;

  @Test
  void clipTinyHasEveryReferenceKeyAndShape() throws IOException {
    StateDict stateDict = PthReader.read(SharedFiles.require(CLIP_TINY));
    Map<String, long[]> reference = referenceShapes(SharedFiles.require(CLIP_TINY_OUTPUTS));

    assertThat(stateDict.size()).as("tensor count").isEqualTo(64);
    assertThat(stateDict.names()).as("names in file order").containsExactlyElementsOf(reference.keySet());
    for (Map.Entry<String, long[]> expected : reference.entrySet()) {
      WeightTensor tensor = stateDict.get(expected.getKey());
      assertThat(tensor.shape()).as("shape of %s", expected.getKey()).containsExactly(expected.getValue());
      assertThat(tensor.dtype()).as("dtype of %s", expected.getKey()).isEqualTo(DType.FLOAT32);
    }
  }

  @Test
  void clipTinyScalarsHoldStoredValues() throws IOException {
    StateDict stateDict = PthReader.read(SharedFiles.require(CLIP_TINY));

    WeightTensor logitScale = stateDict.get("logit_scale");
    assertThat(logitScale.shape()).as("logit_scale is a scalar").isEmpty();
    assertThat(logitScale.values()).as("one value").hasSize(1);
    // open_clip initialises logit_scale to ln(1 / 0.07).
    assertThat(logitScale.values()[0]).as("logit_scale").isCloseTo((float) Math.log(1 / 0.07), within(1e-6f));
    assertThat(stateDict.get("logit_bias").shape()).as("logit_bias is a scalar").isEmpty();
  }

  @Test
  void clipTinyValuesMatchRawStorageBytes() throws IOException {
    Path checkpoint = SharedFiles.require(CLIP_TINY);
    StateDict stateDict = PthReader.read(checkpoint);

    // Storage key 1 of the fixture backs text_projection, read here without the reader.
    float[] raw = rawFloat32Storage(checkpoint, "clip_tiny/data/1");
    assertThat(stateDict.get("text_projection").values()).as("text_projection").isEqualTo(raw);
  }

  @Test
  void clipTinySharedStorageDecodesForBothTensors() throws IOException {
    StateDict stateDict = PthReader.read(SharedFiles.require(CLIP_TINY));

    float[] projection = stateDict.get("text_projection").values();
    float[] momentumCopy = stateDict.get("text_proj_m").values();
    assertThat(momentumCopy).as("text_proj_m shares the storage of text_projection").isEqualTo(projection);
    assertThat(momentumCopy).as("distinct arrays").isNotSameAs(projection);
    assertThat(stateDict.get("text_proj_m").shape()).as("text_proj_m shape").containsExactly(32, 32);
  }

  @Test
  void lsciTinyFloat16DecodesToFiniteValues() throws IOException {
    StateDict stateDict = PthReader.read(SharedFiles.require(LSCI_TINY));
    Map<String, long[]> reference = referenceShapes(SharedFiles.require(LSCI_TINY_OUTPUTS));

    assertThat(stateDict.size()).as("tensor count").isEqualTo(140);
    assertThat(stateDict.names()).as("names").containsExactlyInAnyOrderElementsOf(reference.keySet());
    for (WeightTensor tensor : stateDict.tensors()) {
      assertThat(tensor.shape()).as("shape of %s", tensor.name()).containsExactly(reference.get(tensor.name()));
      assertThat(tensor.dtype()).as("dtype of %s", tensor.name()).isEqualTo(DType.FLOAT16);
      for (float value : tensor.values()) {
        assertThat(Float.isFinite(value)).as("finite values in %s", tensor.name()).isTrue();
      }
    }
    for (WeightTensor tensor : stateDict.tensors()) {
      if (tensor.shape().length >= 2) {
        assertThat(countNonZero(tensor.values())).as("non-zero values in matrix %s", tensor.name()).isPositive();
      }
    }
  }

  @Test
  void writtenCheckpointReadsBackInOrder() throws IOException {
    Path file = folder.resolve("plain.pth");
    new PthTestWriter()
        .addTensor("weight", new float[] {1, 2, 3, 4, 5, 6}, 2, 3)
        .addTensor("bias", new float[] {-1, -2}, 2)
        .addTensor("scale", new float[] {4.5f})
        .write(file);

    StateDict stateDict = PthReader.read(file);

    assertThat(stateDict.names()).as("names").containsExactly("weight", "bias", "scale");
    assertThat(stateDict.get("weight").shape()).as("weight shape").containsExactly(2, 3);
    assertThat(stateDict.get("weight").values()).as("weight").containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(stateDict.get("bias").values()).as("bias").containsExactly(-1, -2);
    assertThat(stateDict.get("scale").shape()).as("scale shape").isEmpty();
    assertThat(stateDict.get("scale").values()).as("scale").containsExactly(4.5f);
  }

  @Test
  void stridedViewsAreMaterialisedRowMajor() throws IOException {
    Path file = folder.resolve("views.pth");
    PthTestWriter writer = new PthTestWriter();
    int storage = writer.addStorage(0, 1, 2, 3, 4, 5, 6, 7);
    writer.addView("matrix", storage, 0, new long[] {2, 3}, new long[] {3, 1})
        .addView("transposed", storage, 0, new long[] {3, 2}, new long[] {1, 3})
        .addView("tail", storage, 5, new long[] {3}, new long[] {1})
        .addView("every_other", storage, 1, new long[] {2, 2}, new long[] {4, 2})
        .write(file);

    StateDict stateDict = PthReader.read(file);

    assertThat(stateDict.get("matrix").values()).as("contiguous view").containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(stateDict.get("transposed").values()).as("transposed view").containsExactly(0, 3, 1, 4, 2, 5);
    assertThat(stateDict.get("tail").values()).as("view at offset 5").containsExactly(5, 6, 7);
    assertThat(stateDict.get("every_other").values()).as("strided view").containsExactly(1, 3, 5, 7);
  }

  @Test
  void viewBeyondStorageIsRejected() throws IOException {
    Path file = folder.resolve("overrun.pth");
    PthTestWriter writer = new PthTestWriter();
    int storage = writer.addStorage(0, 1, 2, 3);
    writer.addView("too_long", storage, 2, new long[] {3}, new long[] {1}).write(file);

    assertThatThrownBy(() -> PthReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("too_long")
        .hasMessageContaining("reaches element 4 of a storage with 4 elements");
  }

  @Test
  void parameterWrapperIsUnwrapped() throws IOException {
    Path file = folder.resolve("parameter.pth");
    new PthTestWriter().addParameter("weight", new float[] {7, 8}, 2).write(file);

    StateDict stateDict = PthReader.read(file);

    assertThat(stateDict.get("weight").values()).as("parameter values").containsExactly(7, 8);
  }

  @Test
  void stateDictEntryIsUnwrappedBesideEpoch() throws IOException {
    Path file = folder.resolve("wrapped.pth");
    new PthTestWriter()
        .addTensor("visual.proj", new float[] {1, 2}, 1, 2)
        .addExtraEntry("epoch", 3)
        .wrapUnder("state_dict")
        .write(file);

    StateDict stateDict = PthReader.read(file);

    assertThat(stateDict.names()).as("names").containsExactly("visual.proj");
    assertThat(stateDict.get("visual.proj").values()).as("values").containsExactly(1, 2);
  }

  @Test
  void modelEntryIsUnwrapped() throws IOException {
    Path file = folder.resolve("model.pth");
    new PthTestWriter().addTensor("logit_scale", new float[] {2.5f}).wrapUnder("model").write(file);

    StateDict stateDict = PthReader.read(file);

    assertThat(stateDict.names()).as("names").containsExactly("logit_scale");
  }

  @Test
  void modulePrefixIsRemoved() throws IOException {
    Path file = folder.resolve("data_parallel.pth");
    new PthTestWriter()
        .addTensor("module.visual.proj", new float[] {1, 2}, 1, 2)
        .addTensor("module.logit_scale", new float[] {2.5f})
        .wrapUnder("state_dict")
        .write(file);

    StateDict stateDict = PthReader.read(file);

    assertThat(stateDict.names()).as("names without module.").containsExactly("visual.proj", "logit_scale");
    assertThat(stateDict.get("logit_scale").values()).as("logit_scale").containsExactly(2.5f);
  }

  @Test
  void osSystemGlobalIsRejected() throws IOException {
    byte[] pickle = new PickleBuilder()
        .proto(2)
        .global("os", "system")
        .unicode("touch pwned")
        .tuple1()
        .reduce()
        .stop()
        .toBytes();
    Path file = zipWithPickle("os_system.pth", pickle);

    assertThatThrownBy(() -> PthReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("os.system")
        .hasMessageContaining("may not be a plain state dict")
        .hasMessageContaining("was not loaded");
    assertThat(folder.resolve("pwned")).as("no command ran").doesNotExist();
  }

  @Test
  void stackGlobalsOutsideAllowListAreRejected() throws IOException {
    List<String[]> globals = List.of(
        new String[] {"builtins", "eval"},
        new String[] {"posix", "system"},
        new String[] {"subprocess", "Popen"},
        new String[] {"torch", "load"});
    for (String[] global : globals) {
      byte[] pickle = new PickleBuilder()
          .proto(4)
          .unicode(global[0])
          .unicode(global[1])
          .stackGlobal()
          .unicode("x")
          .tuple1()
          .reduce()
          .stop()
          .toBytes();
      Path file = zipWithPickle(global[0] + "_" + global[1] + ".pth", pickle);
      String qualifiedName = global[0] + "." + global[1];

      assertThatThrownBy(() -> PthReader.read(file))
          .as("STACK_GLOBAL %s", qualifiedName)
          .isInstanceOf(WeightFormatException.class)
          .hasMessageContaining(qualifiedName)
          .hasMessageContaining("was not loaded");
    }
  }

  @Test
  void instOpcodeIsRejected() throws IOException {
    byte[] pickle = new PickleBuilder().proto(2).mark().unicode("ls").inst("subprocess", "Popen").stop().toBytes();
    Path file = zipWithPickle("inst.pth", pickle);

    assertThatThrownBy(() -> PthReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("subprocess.Popen")
        .hasMessageContaining("was not loaded");
  }

  @Test
  void malformedPickleIsRejected() throws IOException {
    Path emptyStack = zipWithPickle("empty_stack.pth", new PickleBuilder().proto(2).reduce().stop().toBytes());
    Path notCallable = zipWithPickle("not_callable.pth",
        new PickleBuilder().proto(2).integer(1).emptyTuple().reduce().stop().toBytes());

    assertThatThrownBy(() -> PthReader.read(emptyStack))
        .as("REDUCE on an empty stack")
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("has an invalid data.pkl");
    assertThatThrownBy(() -> PthReader.read(notCallable))
        .as("REDUCE on an integer")
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("has an invalid data.pkl");
  }

  @Test
  void truncatedCheckpointIsRejected() throws IOException {
    byte[] original = Files.readAllBytes(SharedFiles.require(CLIP_TINY));
    Path file = folder.resolve("truncated.pth");
    Files.write(file, Arrays.copyOf(original, original.length / 2));

    assertThatThrownBy(() -> PthReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageStartingWith("truncated or corrupt zip: ")
        .hasMessageContaining("truncated.pth");
  }

  @Test
  void torchScriptArchiveIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("archive/data.pkl", new PthTestWriter().addTensor("w", new float[] {1}, 1).pickle());
    entries.put("archive/constants.pkl", new PickleBuilder().proto(2).emptyTuple().stop().toBytes());
    entries.put("archive/code/__torch__.py", "class Model(Module):\n  pass\n".getBytes(StandardCharsets.UTF_8));
    entries.put("archive/data/0", PthTestWriter.littleEndian(new float[] {1}));
    Path file = folder.resolve("scripted.pt");
    PthTestWriter.writeZip(file, entries);

    assertThatThrownBy(() -> PthReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("TorchScript archives are not supported")
        .hasMessageContaining("torch.save(model.state_dict()");
  }

  @Test
  void zipWithoutDataPickleIsRejected() throws IOException {
    Path file = folder.resolve("other.zip");
    PthTestWriter.writeZip(file, Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> PthReader.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("not a PyTorch checkpoint")
        .hasMessageContaining("found 0");
  }

  private Path zipWithPickle(String fileName, byte[] pickle) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("archive/data.pkl", pickle);
    entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    Path file = folder.resolve(fileName);
    PthTestWriter.writeZip(file, entries);
    return file;
  }

  static Map<String, long[]> referenceShapes(Path outputsJson) throws IOException {
    JsonNode shapes = new ObjectMapper().readTree(outputsJson.toFile()).path("state_dict_shapes");
    Map<String, long[]> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = shapes.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      long[] shape = new long[field.getValue().size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = field.getValue().get(i).asLong();
      }
      result.put(field.getKey(), shape);
    }
    return result;
  }

  private static float[] rawFloat32Storage(Path checkpoint, String entryName) throws IOException {
    try (ZipFile zip = new ZipFile(checkpoint.toFile());
        InputStream input = zip.getInputStream(zip.getEntry(entryName))) {
      ByteBuffer bytes = ByteBuffer.wrap(input.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      float[] values = new float[bytes.remaining() / 4];
      bytes.asFloatBuffer().get(values);
      return values;
    }
  }

  private static int countNonZero(float[] values) {
    int count = 0;
    for (float value : values) {
      if (value != 0) {
        count++;
      }
    }
    return count;
  }
}
