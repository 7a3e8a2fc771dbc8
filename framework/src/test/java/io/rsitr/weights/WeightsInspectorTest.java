package io.rsitr.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsInspectorTest {

  @Test
  void describeAlignsColumnsAndCountsParameters() {
    StateDict stateDict = StateDict.of(List.of(
        new WeightTensor("visual.proj", new long[] {2, 3}, DType.FLOAT16, new float[6]),
        new WeightTensor("logit_scale", new long[] {}, DType.FLOAT32, new float[1])));

    List<String> lines = WeightsInspector.describe(stateDict);

    assertThat(lines).as("listing").containsExactly(
        "visual.proj  [2, 3]  FLOAT16",
        "logit_scale  []      FLOAT32",
        "2 tensors, 7 parameters");
  }

  @Test
  void inspectListsEveryClipTinyTensor() throws IOException {
    List<String> lines = WeightsInspector.inspect(SharedFiles.require("fixtures/clip_tiny/clip_tiny.pth"));

    assertThat(lines).as("one line per tensor plus the total").hasSize(65);
    assertThat(lines.get(0)).as("first line").matches("positional_embedding +\\[77, 32\\] +FLOAT32");
    assertThat(lines.get(64)).as("total line").startsWith("64 tensors, ");
  }
}
