package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.e2e.ValidateCommandTest.CommandOutput;
import io.rsitr.testing.SharedFiles;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsCommandTest {

  @TempDir Path dir;

  @Test
  void inspectListsEveryTensorAndTotal() throws Exception {
    Path checkpoint = SharedFiles.require("fixtures/clip_tiny/clip_tiny.pth");
    StateDict expected = StateDict.read(checkpoint);

    CommandOutput output = ValidateCommandTest.run("weights", "inspect", checkpoint.toString());

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    String[] lines = output.out().split("\n");
    assertThat(lines).as("one line per tensor plus the total").hasSize(expected.size() + 1);
    assertThat(lines[0]).as("first tensor: name, shape, dtype")
        .startsWith(expected.tensors().get(0).name())
        .contains(expected.tensors().get(0).shapeText())
        .endsWith(expected.tensors().get(0).dtype().toString());
    assertThat(output.out()).as("text tower key").contains("token_embedding.weight");
    assertThat(lines[lines.length - 1]).as("total line")
        .isEqualTo(String.format(java.util.Locale.ROOT, "%d tensors, %,d parameters", expected.size(),
            expected.parameterCount()));
  }

  @Test
  void exportWritesSameTensorsAsSafetensors() throws Exception {
    Path checkpoint = SharedFiles.require("fixtures/clip_tiny/clip_tiny.pth");
    Path exported = dir.resolve("clip_tiny.safetensors");

    CommandOutput output = ValidateCommandTest.run("weights", "export", checkpoint.toString(), "--out",
        exported.toString());

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    assertThat(output.out()).as("summary line").contains("wrote 64 tensors").contains(exported.toString());
    StateDict original = StateDict.read(checkpoint);
    StateDict copy = StateDict.read(exported);
    assertThat(copy.names()).as("names in file order").isEqualTo(original.names());
    for (WeightTensor tensor : original.tensors()) {
      assertThat(copy.get(tensor.name()).shape()).as("shape of %s", tensor.name()).isEqualTo(tensor.shape());
      assertThat(copy.get(tensor.name()).values()).as("values of %s", tensor.name()).isEqualTo(tensor.values());
    }
  }

  @Test
  void missingFileIsInvalidInput() {
    Path missing = dir.resolve("absent.pth");

    CommandOutput output = ValidateCommandTest.run("weights", "inspect", missing.toString());

    assertThat(output.exitCode()).as("exit code of a missing file").isEqualTo(2);
    assertThat(output.err()).contains("error: weight file " + missing + " not found");
  }

  @Test
  void fileOfUnknownFormatIsInvalidInput() throws Exception {
    Path text = dir.resolve("notes.pth");
    Files.writeString(text, "these are not weights");

    CommandOutput output = ValidateCommandTest.run("weights", "export", text.toString(), "--out",
        dir.resolve("out.safetensors").toString());

    assertThat(output.exitCode()).as("exit code of an unreadable file").isEqualTo(2);
    assertThat(output.err()).contains("neither a PyTorch zip checkpoint nor a safetensors file");
    assertThat(dir.resolve("out.safetensors")).as("no output written").doesNotExist();
  }
}
