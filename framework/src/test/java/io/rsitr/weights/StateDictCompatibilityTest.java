package io.rsitr.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateDictCompatibilityTest {

  private static WeightTensor zeros(String name, long... shape) {
    return new WeightTensor(name, shape, DType.FLOAT32, new float[(int) WeightTensor.elementCount(shape)]);
  }

  private static Map<String, long[]> expectedShapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put("visual.positional_embedding", new long[] {65, 8});
    shapes.put("visual.proj", new long[] {8, 4});
    shapes.put("text_projection", new long[] {4, 4});
    shapes.put("logit_scale", new long[] {});
    shapes.put("logit_bias", new long[] {});
    return shapes;
  }

  @Test
  void exactWeightsPassStrictCheck() {
    List<WeightTensor> tensors = new ArrayList<>();
    expectedShapes().forEach((name, shape) -> tensors.add(zeros(name, shape)));

    CompatibilityReport report = WeightCompatibility.strict().requireExact(expectedShapes(), StateDict.of(tensors));

    assertThat(report.isExact()).as("exact").isTrue();
    assertThat(report.defaulted()).as("defaulted").isEmpty();
  }

  @Test
  void strictCheckListsEveryProblemAtOnce() {
    StateDict weights = StateDict.of(List.of(
        zeros("visual.positional_embedding", 50, 8),
        zeros("visual.proj", 4, 8),
        zeros("logit_scale"),
        zeros("extra.weight", 3)));
    WeightCompatibility check = WeightCompatibility.strict()
        .withShapeExplainer(VitGridExplanation.forPatchSize(32));

    WeightMismatchException error = catchThrowableOfType(
        WeightMismatchException.class, () -> check.requireExact(expectedShapes(), weights));

    assertThat(error).as("mismatch error").isNotNull();
    CompatibilityReport report = error.report();
    assertThat(report.missing()).as("missing").containsExactly("text_projection", "logit_bias");
    assertThat(report.unexpected()).as("unexpected").containsExactly("extra.weight");
    assertThat(report.misshaped()).extracting(ShapeMismatch::name).as("mis-shaped")
        .containsExactly("visual.positional_embedding", "visual.proj");
    assertThat(error.getMessage())
        .contains("nothing was loaded")
        .contains("2 missing, 1 unexpected, 2 with another shape")
        .contains("missing (the model needs it, the weights lack it): text_projection")
        .contains("missing (the model needs it, the weights lack it): logit_bias")
        .contains("unexpected (in the weights, unknown to the model): extra.weight")
        .contains("visual.proj: model expects [8, 4], weights have [4, 8]")
        .contains("visual.positional_embedding has 50 positions (a 7×7 grid + class token)");
  }

  @Test
  void ignoredAndOptionalKeysAreNotProblems() {
    StateDict weights = StateDict.of(List.of(
        zeros("visual.positional_embedding", 65, 8),
        zeros("visual.proj", 8, 4),
        zeros("text_projection", 4, 4),
        zeros("text_proj_m", 4, 4),
        zeros("visual.proj_m", 8, 4),
        zeros("logit_scale")));
    WeightCompatibility check = WeightCompatibility.strict()
        .withIgnoredKeys("*_m")
        .withOptionalKeys("logit_bias");

    CompatibilityReport report = check.requireExact(expectedShapes(), weights);

    assertThat(report.isExact()).as("exact").isTrue();
    assertThat(report.ignored()).as("ignored").containsExactly("text_proj_m", "visual.proj_m");
    assertThat(report.defaulted()).as("defaulted").containsExactly("logit_bias");
  }

  @Test
  void optionalKeyWithWrongShapeIsStillReported() {
    List<WeightTensor> tensors = new ArrayList<>();
    expectedShapes().forEach((name, shape) -> tensors.add(zeros(name, shape)));
    tensors.set(4, zeros("logit_bias", 1));

    CompatibilityReport report = WeightCompatibility.strict()
        .withOptionalKeys("logit_bias")
        .check(expectedShapes(), StateDict.of(tensors));

    assertThat(report.misshaped()).extracting(ShapeMismatch::name).as("mis-shaped").containsExactly("logit_bias");
    assertThat(report.isExact()).as("exact").isFalse();
  }

  @Test
  void ignorePatternsDoNotExcuseMissingKeys() {
    Map<String, long[]> expected = Map.of("text_proj_m", new long[] {4, 4});

    assertThatThrownBy(() -> WeightCompatibility.strict().withIgnoredKeys("*_m")
            .requireExact(expected, StateDict.of(List.of())))
        .isInstanceOf(WeightMismatchException.class)
        .hasMessageContaining("missing (the model needs it, the weights lack it): text_proj_m");
  }

  @Test
  void vitGridExplainsFiftyPositionsAtImage256() {
    Optional<String> explanation = VitGridExplanation.explain(new long[] {65, 768}, new long[] {50, 768}, 32);

    assertThat(explanation).as("explanation").contains(
        "visual.positional_embedding has 50 positions (a 7×7 grid + class token) but the model configured for"
            + " image_size 256, patch_size 32 expects 65 (8×8 + 1); set image_size to 224 or use weights"
            + " trained at 256");
  }

  @Test
  void vitGridMentionsWidthWhenItAlsoDiffers() {
    Optional<String> explanation = VitGridExplanation.explain(new long[] {17, 48}, new long[] {50, 768}, 16);

    assertThat(explanation).as("explanation").hasValueSatisfying(text -> assertThat(text)
        .contains("image_size 64, patch_size 16 expects 17 (4×4 + 1); set image_size to 112")
        .endsWith("the width also differs (model 48, weights 768)"));
  }

  @Test
  void vitGridIgnoresShapesThatAreNotGrids() {
    assertThat(VitGridExplanation.explain(new long[] {65, 8}, new long[] {64, 8}, 32)).as("64 is not k²+1").isEmpty();
    assertThat(VitGridExplanation.explain(new long[] {65, 8}, new long[] {65, 4}, 32)).as("same positions").isEmpty();
    assertThat(VitGridExplanation.explain(new long[] {65}, new long[] {50}, 32)).as("rank 1").isEmpty();
    assertThat(VitGridExplanation.forPatchSize(32).explain("positional_embedding", new long[] {65, 8}, new long[] {50, 8}))
        .as("text positional embedding").isEmpty();
  }
}
