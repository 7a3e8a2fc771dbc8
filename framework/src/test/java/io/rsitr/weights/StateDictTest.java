package io.rsitr.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictTest {

  @TempDir Path folder;

  private static WeightTensor scalar(String name, float value) {
    return new WeightTensor(name, new long[] {}, DType.FLOAT32, new float[] {value});
  }

  @Test
  void stripPrefixRenamesOnlyPrefixedNames() {
    StateDict stateDict = StateDict.of(List.of(scalar("module.a", 1), scalar("b", 2), scalar("x.module.c", 3)));

    StateDict stripped = stateDict.stripPrefix("module.");

    assertThat(stripped.names()).as("names").containsExactly("a", "b", "x.module.c");
    assertThat(stripped.get("a").values()).as("value of a").containsExactly(1f);
  }

  @Test
  void stripPrefixRejectsCollidingNames() {
    StateDict stateDict = StateDict.of(List.of(scalar("module.a", 1), scalar("a", 2)));

    assertThatThrownBy(() -> stateDict.stripPrefix("module."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix 'module.'")
        .hasMessageContaining("duplicate tensor name a");
  }

  @Test
  void getNamesMissingTensor() {
    StateDict stateDict = StateDict.of(List.of(scalar("a", 1)));

    assertThatThrownBy(() -> stateDict.get("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no tensor named b among 1 tensors");
    assertThat(stateDict.find("b")).as("find of a missing name").isEmpty();
  }

  @Test
  void readDispatchesOnContentNotExtension() throws IOException {
    Path pth = folder.resolve("weights.safetensors");
    new PthTestWriter().addTensor("w", new float[] {1, 2}, 2).write(pth);
    Path safetensors = folder.resolve("weights.pth");
    SafetensorsWriter.write(StateDict.of(List.of(scalar("s", 3))), safetensors);

    assertThat(StateDict.read(pth).names()).as("zip checkpoint despite its name").containsExactly("w");
    assertThat(StateDict.read(safetensors).names()).as("safetensors despite its name").containsExactly("s");
  }

  @Test
  void readRejectsLegacyPickleCheckpoint() throws IOException {
    Path file = folder.resolve("legacy.pth");
    Files.write(file, new PickleBuilder().proto(2).integer(119547037).stop().toBytes());

    assertThatThrownBy(() -> StateDict.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("legacy format of torch.save before PyTorch 1.6");
  }

  @Test
  void readRejectsUnknownFormat() throws IOException {
    Path file = folder.resolve("notes.txt");
    Files.writeString(file, "not weights at all");

    assertThatThrownBy(() -> StateDict.read(file))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("neither a PyTorch zip checkpoint nor a safetensors file");
  }

  @Test
  void ofRejectsDuplicateNames() {
    assertThatThrownBy(() -> StateDict.of(List.of(scalar("a", 1), scalar("a", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate tensor name a");
  }
}
