package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.FrameworkSections;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every experiment in the project validates, with placeholder paths for data and weights. */
class ExperimentFilesTest {

  private static final Map<String, String> PLACEHOLDERS = Map.of(
      "RSITR_DATA", "/placeholder/datasets",
      "RSITR_WEIGHTS", "/placeholder/ViT-B-32.pth",
      "RSITR_VOCAB", "/placeholder/bpe_simple_vocab_16e6.txt.gz");

  static Stream<Path> experimentFiles() throws IOException {
    try (Stream<Path> files = Files.list(SharedFiles.projectRoot().resolve("experiments"))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("experimentFiles")
  void experimentValidates(Path file) {
    ExperimentLoader loader = new ExperimentLoader(PluginRegistry.discover().schema(FrameworkSections.all()));

    ExperimentSpec spec = loader.load(file, List.of(), PLACEHOLDERS);

    assertThat(spec.name()).as("name of %s", file.getFileName()).isNotBlank();
    for (PluginKind kind : PluginKind.values()) {
      assertThat(spec.plugin(kind).name()).as("%s plugin of %s", kind.yamlKey(), file.getFileName()).isNotBlank();
    }
    assertThat(ExperimentLoader.expandAblation(spec)).as("cells of %s", file.getFileName()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("experimentFiles")
  void paperSettingsUseReferenceValues(Path file) {
    String name = file.getFileName().toString();
    if (!name.matches("(rsicd|rsitmd|ucm)-lsci-tc\\.yaml")) {
      return;
    }
    ExperimentLoader loader = new ExperimentLoader(PluginRegistry.discover().schema(FrameworkSections.all()));
    ExperimentSpec spec = loader.load(file, List.of(), PLACEHOLDERS);

    assertThat(spec.section("train").getInt("batch_size")).isEqualTo(64);
    assertThat(spec.section("train").getInt("epochs")).isEqualTo(20);
    assertThat(spec.section("train").getDouble("weight_decay")).isEqualTo(0.04);
    assertThat(spec.section("train").getDouble("max_lr")).isEqualTo(2e-5);
    assertThat(spec.section("train").getDouble("min_lr")).isEqualTo(2e-7);
    assertThat(spec.section("train").getDouble("warmup_fraction")).isEqualTo(0.1);
    assertThat(spec.section("eval").getInt("rerank_k")).isEqualTo(40);
    assertThat(spec.plugin(PluginKind.LOSS).parameters().getDouble("soft_alpha"))
        .isEqualTo(name.startsWith("rsicd") ? 0.8 : 0.9);
    assertThat(spec.plugin(PluginKind.BACKBONE).parameters().getString("weights"))
        .isEqualTo("/placeholder/ViT-B-32.pth");
  }
}
