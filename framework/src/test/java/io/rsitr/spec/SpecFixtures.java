package io.rsitr.spec;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.ParameterType;
import io.rsitr.plugin.PluginKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small hand-built schema and a helper that writes YAML files for the spec tests. */
final class SpecFixtures {

  private SpecFixtures() {}

  static ConfigSchema schema() {
    Map<String, List<ParameterSpec>> backbones = Map.of("clip", List.of(
        ParameterSpec.ofInt("width", 64, "embedding width").atLeast(1),
        ParameterSpec.ofInt("layers", 2, "transformer layers"),
        ParameterSpec.ofEnum("act", "gelu", "activation", "gelu", "quick_gelu")));
    Map<String, List<ParameterSpec>> interactions = Map.of(
        "none", List.of(),
        "lsci", List.of(ParameterSpec.ofInt("heads", 4, "attention heads")));
    Map<String, List<ParameterSpec>> losses = Map.of(
        "infonce", List.of(ParameterSpec.ofFloat("temperature", 0.07, "softmax temperature")),
        "tc", List.of(ParameterSpec.ofFloat("gamma", 0.5, "initial gamma")));
    Map<String, List<ParameterSpec>> datasets = Map.of("synthetic", List.of(
        ParameterSpec.ofInt("num_images", 64, "images to generate"),
        ParameterSpec.ofPath("root", "data", "dataset folder")));
    List<ConfigSection> sections = List.of(
        new ConfigSection("train", "training loop", List.of(
            ParameterSpec.ofInt("epochs", 1, "epochs to train").atLeast(1),
            ParameterSpec.ofFloat("max_lr", 2e-5, "peak learning rate"),
            ParameterSpec.ofFloat("warmup_fraction", 0.1, "share of steps spent warming up").range(0.0, 1.0),
            ParameterSpec.ofInt("batch_size", 32, "pairs per batch"))),
        new ConfigSection("eval", "evaluation", List.of(
            ParameterSpec.ofList("ks", ParameterType.INT_LIST, List.of(1, 5, 10), "recall cut-offs"),
            ParameterSpec.ofBool("rerank", true, "re-rank the top k with the interaction"))),
        new ConfigSection("tracking", "experiment tracking", List.of(
            ParameterSpec.ofString("uri", "file:./mlruns", "MLflow tracking URI"),
            ParameterSpec.ofString("experiment", null, "MLflow experiment name"))));
    return new ConfigSchema(sections, Map.of(
        PluginKind.BACKBONE, backbones,
        PluginKind.INTERACTION, interactions,
        PluginKind.LOSS, losses,
        PluginKind.DATASET, datasets));
  }

  /** The four plugin sections and the required tracking key, for tests about something else. */
  static final String MINIMAL_BODY = """
      backbone: {name: clip}
      interaction: {name: none}
      loss: {name: infonce}
      dataset: {name: synthetic}
      tracking: {experiment: tests}
      """;

  static Path write(Path directory, String relativeName, String content) {
    Path file = directory.resolve(relativeName);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
