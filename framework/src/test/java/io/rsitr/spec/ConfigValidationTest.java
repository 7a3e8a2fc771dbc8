package io.rsitr.spec;

import static io.rsitr.spec.SpecFixtures.MINIMAL_BODY;
import static io.rsitr.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {

  @TempDir
  Path dir;

  private final ExperimentLoader loader = new ExperimentLoader(SpecFixtures.schema());

  private ConfigException failureFor(String yaml) {
    Path experiment = write(dir, "x.yaml", yaml);
    return catchThrowableOfType(ConfigException.class, () -> loader.load(experiment, List.of(), Map.of()));
  }

  @Test
  void enumValueSuggestsNearestChoice() {
    ConfigException error = failureFor(MINIMAL_BODY.replace("{name: clip}", "{name: clip, act: gelo}"));

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("backbone.act");
      assertThat(problem.message()).isEqualTo("invalid value \"gelo\": expected one of gelu, quick_gelu");
      assertThat(problem.suggestion()).isEqualTo("gelu");
    });
  }

  @Test
  void boolAcceptsOnlyTrueAndFalse() {
    ConfigException error = failureFor(MINIMAL_BODY + "eval: {rerank: yes}\n");

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("eval.rerank");
      assertThat(problem.message()).isEqualTo("invalid value \"yes\": expected true or false");
    });
  }

  @Test
  void listElementTypeIsChecked() {
    ConfigException error = failureFor(MINIMAL_BODY + "eval:\n  ks: [1, five, 10]\n");

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("eval.ks[1]");
      assertThat(problem.line()).isEqualTo(7);
      assertThat(problem.column()).isEqualTo(11);
      assertThat(problem.message()).isEqualTo("invalid value \"five\": expected an integer");
    });
  }

  @Test
  void missingRequiredParameterIsReported() {
    ConfigException error = failureFor(MINIMAL_BODY.replace("tracking: {experiment: tests}", "tracking: {}"));

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("tracking.experiment");
      assertThat(problem.line()).as("points at the section key").isEqualTo(5);
      assertThat(problem.message()).isEqualTo("missing required parameter (string): MLflow experiment name");
    });
  }

  @Test
  void missingPluginSectionListsAvailablePlugins() {
    ConfigException error = failureFor(MINIMAL_BODY.replace("loss: {name: infonce}\n", ""));

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("loss");
      assertThat(problem.message()).contains("missing section").contains("available: ");
      assertThat(problem.message()).contains("infonce").contains("tc");
    });
  }

  @Test
  void parameterOfPluginWithoutParametersIsReported() {
    ConfigException error = failureFor(MINIMAL_BODY.replace("{name: none}", "{name: none, heads: 2}"));

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("interaction.heads");
      assertThat(problem.message()).isEqualTo("unknown key; this section takes no parameters");
    });
  }

  @Test
  void quotedStringsAndYamlWordsStayText() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY.replace("experiment: tests", "experiment: on")
        + "name: '123'\n");

    ExperimentSpec spec = loader.load(experiment, List.of(), Map.of());

    assertThat(spec.section("tracking").getString("experiment")).isEqualTo("on");
    assertThat(spec.name()).isEqualTo("123");
  }

  @Test
  void pathIsResolvedAgainstItsOwnFile() {
    write(dir, "configs/data.yaml", "dataset: {name: synthetic, root: ../images}\n");
    Path experiment = write(dir, "experiments/deep/x.yaml",
        "extends: ../../configs/data.yaml\n" + MINIMAL_BODY.replace("dataset: {name: synthetic}\n", ""));

    ExperimentSpec spec = loader.load(experiment, List.of(), Map.of());
    ExperimentSpec overridden = loader.load(experiment, List.of("dataset.root=cli/images"), Map.of());

    assertThat(spec.plugin(PluginKind.DATASET).parameters().getPath("root")).isEqualTo(dir.resolve("images"));
    assertThat(overridden.plugin(PluginKind.DATASET).parameters().getPath("root"))
        .as("a command-line path is relative to the working directory")
        .isEqualTo(Path.of("cli/images"));
  }

  @Test
  void problemsFromSeveralFilesAreSortedByLocation() {
    write(dir, "a.yaml", "train: {epochs: zero}\n");
    Path experiment = write(dir, "b.yaml", "extends: a.yaml\n" + MINIMAL_BODY + "eval: {rerank: 1}\n");

    ConfigException error = catchThrowableOfType(ConfigException.class,
        () -> loader.load(experiment, List.of("train.batch_size=big"), Map.of()));

    assertThat(error.problems()).extracting(ConfigProblem::keyPath)
        .containsExactly("train.epochs", "eval.rerank", "train.batch_size");
    assertThat(error.problems().get(0).file()).isEqualTo(dir.resolve("a.yaml").toString());
    assertThat(error.problems().get(2).file()).isEqualTo("command line --set train.batch_size=big");
  }
}
