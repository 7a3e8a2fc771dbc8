package io.rsitr.spec;

import static io.rsitr.spec.SpecFixtures.MINIMAL_BODY;
import static io.rsitr.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

  @TempDir
  Path dir;

  private final ExperimentLoader loader = new ExperimentLoader(SpecFixtures.schema());

  private ExperimentSpec load(Path yaml, String... overrides) {
    return loader.load(yaml, List.of(overrides), Map.of());
  }

  private ConfigException loadFailure(Path yaml, List<String> overrides, Map<String, String> env) {
    return catchThrowableOfType(ConfigException.class, () -> loader.load(yaml, overrides, env));
  }

  @Test
  void extendsChainMergesDeeplyAndLaterWins() {
    write(dir, "configs/common.yaml", """
        train: {epochs: 10, batch_size: 16, max_lr: 1e-4}
        eval: {ks: [1, 5, 10]}
        tracking: {experiment: common}
        """);
    write(dir, "configs/model.yaml", """
        backbone: {name: clip, width: 128, layers: 4}
        interaction: {name: none}
        loss: {name: infonce}
        dataset: {name: synthetic}
        """);
    write(dir, "configs/train.yaml", """
        extends: common.yaml
        train: {epochs: 3}
        eval: {ks: [1]}
        """);
    Path experiment = write(dir, "experiments/smoke.yaml", """
        extends: [../configs/model.yaml, ../configs/train.yaml]
        backbone: {layers: 6}
        train: {max_lr: 5e-5}
        """);

    ExperimentSpec spec = load(experiment);

    Parameters backbone = spec.plugin(PluginKind.BACKBONE).parameters();
    Parameters train = spec.section("train");
    assertThat(spec.name()).as("name defaults to the file name").isEqualTo("smoke");
    assertThat(backbone.getInt("width")).as("kept from the first fragment").isEqualTo(128);
    assertThat(backbone.getInt("layers")).as("the including file wins").isEqualTo(6);
    assertThat(train.getInt("epochs")).as("train.yaml wins over common.yaml").isEqualTo(3);
    assertThat(train.getInt("batch_size")).as("merged deeply from common.yaml").isEqualTo(16);
    assertThat(train.getDouble("max_lr")).as("the including file wins").isEqualTo(5e-5);
    assertThat(spec.section("eval").getIntList("ks")).as("lists are replaced").containsExactly(1);
    assertThat(spec.section("tracking").getString("experiment")).isEqualTo("common");
  }

  @Test
  void setOverridesNestedValueAndPluginName() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY.replace("{name: none}", "{name: lsci, heads: 8}"));

    ExperimentSpec spec = load(experiment,
        "train.epochs=7", "eval.ks=[1,5]", "loss.name=tc", "interaction.name=none", "tracking.uri=file:/tmp/a#b");

    assertThat(spec.section("train").getInt("epochs")).isEqualTo(7);
    assertThat(spec.section("eval").getIntList("ks")).containsExactly(1, 5);
    assertThat(spec.plugin(PluginKind.LOSS).name()).isEqualTo("tc");
    assertThat(spec.plugin(PluginKind.LOSS).parameters().getDouble("gamma")).isEqualTo(0.5);
    assertThat(spec.plugin(PluginKind.INTERACTION).name()).isEqualTo("none");
    assertThat(spec.plugin(PluginKind.INTERACTION).parameters().asMap())
        .as("the previous plugin's heads parameter is dropped")
        .isEmpty();
    assertThat(spec.section("tracking").getString("uri")).as("plain values are taken as written")
        .isEqualTo("file:/tmp/a#b");
  }

  @Test
  void setSamePluginNameKeepsParameters() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY.replace("{name: none}", "{name: lsci, heads: 8}"));

    ExperimentSpec spec = load(experiment, "interaction.name=lsci");

    assertThat(spec.plugin(PluginKind.INTERACTION).parameters().getInt("heads")).isEqualTo(8);
  }

  @Test
  void setWithoutEqualsSignIsReported() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY);

    ConfigException error = loadFailure(experiment, List.of("train.epochs"), Map.of());

    assertThat(error.problems()).hasSize(1);
    ConfigProblem problem = error.problems().get(0);
    assertThat(problem.file()).isEqualTo("command line --set train.epochs");
    assertThat(problem.line()).as("a command-line value has no line").isZero();
    assertThat(problem.message()).contains("expected KEY=VALUE");
    assertThat(error.getMessage()).startsWith("command line --set train.epochs: invalid override");
  }

  @Test
  void setIntoScalarIsReported() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY);

    ConfigException error = loadFailure(experiment, List.of("tracking.experiment.name=3"), Map.of());

    assertThat(error.problems()).singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("'tracking.experiment' because it is a single value"));
  }

  @Test
  void environmentReferencesAreSubstituted() {
    Path experiment = write(dir, "experiments/x.yaml", """
        backbone: {name: clip}
        interaction: {name: none}
        loss: {name: infonce}
        dataset: {name: synthetic, root: "${env:RSITR_DATA:-../shared/data}/rsicd"}
        tracking: {experiment: "${env:EXPERIMENT}", uri: "${env:TRACKING_URI:-file:./other}"}
        description: "costs $${env:NOT_SUBSTITUTED}"
        """);

    ExperimentSpec withDefaults = loader.load(experiment, List.of(), Map.of("EXPERIMENT", "from-env"));
    ExperimentSpec withData = loader.load(experiment, List.of(),
        Map.of("EXPERIMENT", "from-env", "RSITR_DATA", "/mnt/data"));

    assertThat(withDefaults.section("tracking").getString("experiment")).isEqualTo("from-env");
    assertThat(withDefaults.section("tracking").getString("uri")).isEqualTo("file:./other");
    assertThat(withDefaults.description()).isEqualTo("costs ${env:NOT_SUBSTITUTED}");
    assertThat(withDefaults.plugin(PluginKind.DATASET).parameters().getPath("root"))
        .as("a default written in the file is relative to that file")
        .isEqualTo(dir.resolve("shared/data/rsicd"));
    assertThat(withData.plugin(PluginKind.DATASET).parameters().getPath("root"))
        .isEqualTo(Path.of("/mnt/data/rsicd"));
  }

  @Test
  void unsetVariableWithoutDefaultIsReported() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY + "description: ${env:RUN_NOTE}\n");

    ConfigException error = loadFailure(experiment, List.of(), Map.of());

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("description");
      assertThat(problem.message()).contains("RUN_NOTE is not set");
      assertThat(problem.line()).isEqualTo(6);
      assertThat(problem.column()).isEqualTo(14);
    });
  }

  @Test
  void reportsAllProblemsTogetherWithLocations() {
    Path experiment = write(dir, "broken.yaml", """
        name: broken
        backbone:
          name: clpi
        interaction: {name: none}
        loss: {name: infonce}
        dataset: {name: synthetic}
        tracking: {experiment: tests}
        train:
          epohcs: 3
          max_lr: fast
        """);

    ConfigException error = loadFailure(experiment, List.of(), Map.of());

    List<ConfigProblem> problems = error.problems();
    assertThat(problems).hasSize(3);

    assertThat(problems.get(0).keyPath()).isEqualTo("backbone.name");
    assertThat(problems.get(0).line()).isEqualTo(3);
    assertThat(problems.get(0).column()).isEqualTo(9);
    assertThat(problems.get(0).message()).isEqualTo("unknown backbone 'clpi'; available: clip");
    assertThat(problems.get(0).suggestion()).isEqualTo("clip");

    assertThat(problems.get(1).keyPath()).isEqualTo("train.epohcs");
    assertThat(problems.get(1).line()).isEqualTo(9);
    assertThat(problems.get(1).column()).isEqualTo(3);
    assertThat(problems.get(1).suggestion()).isEqualTo("epochs");

    assertThat(problems.get(2).keyPath()).isEqualTo("train.max_lr");
    assertThat(problems.get(2).line()).isEqualTo(10);
    assertThat(problems.get(2).column()).isEqualTo(11);
    assertThat(problems.get(2).value()).isEqualTo("fast");
    assertThat(problems.get(2).suggestion()).isNull();

    String file = experiment.toString();
    assertThat(error.getMessage()).isEqualTo(String.join("\n",
        file + ":3:9: backbone.name: unknown backbone 'clpi'; available: clip; did you mean 'clip'?",
        file + ":9:3: train.epohcs: unknown key; did you mean 'epochs'?",
        file + ":10:11: train.max_lr: invalid value \"fast\": expected a number"));
  }

  @Test
  void cyclicExtendsIsReported() {
    write(dir, "b.yaml", "extends: a.yaml\n");
    Path a = write(dir, "a.yaml", "extends: b.yaml\n" + MINIMAL_BODY);

    ConfigException error = loadFailure(a, List.of(), Map.of());

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(dir.resolve("b.yaml").toString());
      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.column()).isEqualTo(10);
      assertThat(problem.message()).contains("extends cycle: " + a + " -> " + dir.resolve("b.yaml") + " -> " + a);
    });
  }

  @Test
  void sharedFragmentReachedTwiceIsNoCycle() {
    write(dir, "common.yaml", "train: {epochs: 4}\n");
    write(dir, "left.yaml", "extends: common.yaml\n");
    write(dir, "right.yaml", "extends: common.yaml\n");
    Path experiment = write(dir, "x.yaml", "extends: [left.yaml, right.yaml]\n" + MINIMAL_BODY);

    assertThat(load(experiment).section("train").getInt("epochs")).isEqualTo(4);
  }

  @Test
  void missingFragmentNamesFileAndLine() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY + "extends:\n  - missing.yaml\n");

    ConfigException error = loadFailure(experiment, List.of(), Map.of());

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(experiment.toString());
      assertThat(problem.line()).isEqualTo(7);
      assertThat(problem.column()).isEqualTo(5);
      assertThat(problem.keyPath()).isEqualTo("extends[0]");
      assertThat(problem.message()).isEqualTo("file not found: " + dir.resolve("missing.yaml"));
    });
  }

  @Test
  void missingExperimentFileIsReported() {
    Path missing = dir.resolve("nowhere.yaml");

    ConfigException error = loadFailure(missing, List.of(), Map.of());

    assertThat(error.getMessage()).isEqualTo(missing + ": file not found: " + missing);
  }

  @Test
  void unknownTopLevelKeySuggestsNearest() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY + "traing:\n  epochs: 2\nzzz: 1\n");

    ConfigException error = loadFailure(experiment, List.of(), Map.of());

    assertThat(error.problems()).hasSize(2);
    assertThat(error.problems().get(0).keyPath()).isEqualTo("traing");
    assertThat(error.problems().get(0).line()).isEqualTo(6);
    assertThat(error.problems().get(0).suggestion()).isEqualTo("train");
    assertThat(error.problems().get(1).keyPath()).isEqualTo("zzz");
    assertThat(error.problems().get(1).suggestion()).isNull();
    assertThat(error.problems().get(1).message()).startsWith("unknown key; allowed keys: extends, name");
  }

  @Test
  void javaTypeTagIsRejected() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY + "description: !!java.lang.Runtime {}\n");

    ConfigException error = loadFailure(experiment, List.of(), Map.of());

    assertThat(error.problems()).as("the rejected value causes no follow-on problems").hasSize(1);
    ConfigProblem problem = error.problems().get(0);
    assertThat(problem.message()).startsWith("unsupported YAML tag '!!java.lang.Runtime'");
    assertThat(problem.line()).isEqualTo(6);
    assertThat(problem.column()).isEqualTo(14);
  }

  @Test
  void defaultsAppearInResolvedYamlAndFlatParams() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY);

    ExperimentSpec spec = load(experiment);

    String resolved = spec.resolvedYaml();
    assertThat(resolved).startsWith("name: x\nseed: 42\nbackbone:\n  name: clip\n  width: 64\n");
    assertThat(resolved).contains("  max_lr: 2.0E-5\n", "  uri: file:./mlruns\n", "  root: " + Path.of("data").toAbsolutePath() + "\n");
    assertThat(resolved).as("no ablation section").doesNotContainPattern("(?m)^ablation:");

    Map<String, String> params = spec.flatParams();
    assertThat(params).containsEntry("seed", "42")
        .containsEntry("backbone.name", "clip")
        .containsEntry("backbone.width", "64")
        .containsEntry("backbone.act", "gelu")
        .containsEntry("interaction.name", "none")
        .containsEntry("train.max_lr", "2.0E-5")
        .containsEntry("eval.ks", "[1, 5, 10]")
        .containsEntry("eval.rerank", "true")
        .containsEntry("dataset.root", Path.of("data").toAbsolutePath().toString())
        .containsEntry("tracking.experiment", "tests");
    assertThat(params).hasSize(19);
  }

  @Test
  void resolvedYamlLoadsBackToSameSpec() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY + "train: {max_lr: 4e-6}\n");
    ExperimentSpec spec = load(experiment);

    Path copy = write(dir, "copy/x.yaml", spec.resolvedYaml());
    ExperimentSpec reloaded = load(copy);

    assertThat(reloaded.resolvedYaml()).isEqualTo(spec.resolvedYaml());
    assertThat(reloaded.configHash()).isEqualTo(spec.configHash());
  }

  @Test
  void configHashIsStableAndTracksValues() {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY);

    String first = load(experiment).configHash();
    String second = load(experiment).configHash();
    String changed = load(experiment, "train.epochs=2").configHash();

    assertThat(first).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(second).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
  }

  @Test
  void longParameterValueIsTruncatedForTracking() {
    String longName = "n".repeat(7000);
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY.replace("experiment: tests", "experiment: " + longName));

    String tracked = load(experiment).flatParams().get("tracking.experiment");

    assertThat(tracked).hasSize(6000).endsWith("n...");
  }
}
