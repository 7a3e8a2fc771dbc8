package io.rsitr.spec;

import static io.rsitr.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AblationGridTest {

  private static final String BASE = """
      backbone: {name: clip}
      interaction: {name: lsci, heads: 8}
      loss: {name: tc}
      dataset: {name: synthetic}
      tracking: {experiment: ablation}
      """;

  @TempDir
  Path dir;

  private final ExperimentLoader loader = new ExperimentLoader(SpecFixtures.schema());

  private ExperimentSpec load(String ablation) {
    return loader.load(write(dir, "x.yaml", BASE + ablation), List.of(), Map.of());
  }

  private ConfigException failureFor(String ablation) {
    Path experiment = write(dir, "x.yaml", BASE + ablation);
    return catchThrowableOfType(ConfigException.class, () -> loader.load(experiment, List.of(), Map.of()));
  }

  @Test
  void gridExpandsToEightLabelledCells() {
    ExperimentSpec spec = load("""
        ablation:
          grid:
            interaction.name: [lsci, none]
            loss.name: [tc, infonce]
            seed: [1, 2]
        """);

    AblationGrid grid = spec.ablation().orElseThrow();
    assertThat(grid.size()).isEqualTo(8);
    assertThat(grid.cells()).extracting(AblationCell::label).containsExactly(
        "interaction.name=lsci,loss.name=tc,seed=1",
        "interaction.name=lsci,loss.name=tc,seed=2",
        "interaction.name=lsci,loss.name=infonce,seed=1",
        "interaction.name=lsci,loss.name=infonce,seed=2",
        "interaction.name=none,loss.name=tc,seed=1",
        "interaction.name=none,loss.name=tc,seed=2",
        "interaction.name=none,loss.name=infonce,seed=1",
        "interaction.name=none,loss.name=infonce,seed=2");
    assertThat(grid.cells()).extracting(AblationCell::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(grid.cells().get(5).overrides())
        .containsExactly(Map.entry("interaction.name", "none"), Map.entry("loss.name", "tc"), Map.entry("seed", 2L));
    assertThat(grid.baselineCell().index()).as("first value of each axis by default").isZero();
    assertThat(ExperimentLoader.expandAblation(spec)).hasSize(8);
  }

  @Test
  void cellSpecsCarryTheirOwnValues() {
    ExperimentSpec spec = load("""
        ablation:
          grid:
            interaction.name: [lsci, none]
            seed: [1, 2]
        """);

    List<AblationCell> cells = spec.ablation().orElseThrow().cells();
    ExperimentSpec lsci = cells.get(1).spec();
    ExperimentSpec none = cells.get(2).spec();
    assertThat(lsci.seed()).isEqualTo(2);
    assertThat(lsci.plugin(PluginKind.INTERACTION).parameters().getInt("heads")).isEqualTo(8);
    assertThat(none.plugin(PluginKind.INTERACTION).name()).isEqualTo("none");
    assertThat(none.plugin(PluginKind.INTERACTION).parameters().asMap()).isEmpty();
    assertThat(none.ablation()).isEmpty();
    assertThat(none.resolvedYaml()).doesNotContain("grid");
    assertThat(spec.resolvedYaml()).contains("ablation:\n  grid:\n    interaction.name:\n    - lsci\n    - none\n");
    assertThat(cells).extracting(cell -> cell.spec().configHash()).doesNotHaveDuplicates();
  }

  @Test
  void baselineDefaultsOtherAxesToFirst() {
    ExperimentSpec spec = load("""
        ablation:
          grid:
            interaction.name: [lsci, none]
            loss.name: [tc, infonce]
            seed: [1, 2]
          baseline: {interaction.name: none, loss.name: infonce}
        """);

    AblationCell baseline = spec.ablation().orElseThrow().baselineCell();
    assertThat(baseline.index()).isEqualTo(6);
    assertThat(baseline.label()).isEqualTo("interaction.name=none,loss.name=infonce,seed=1");
  }

  @Test
  void invalidGridKeyIsReportedAtGrid() {
    ConfigException error = failureFor("""
        ablation:
          grid:
            seed: [1, 2]
            train.epohcs: [1, 2]
        """);

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("train.epohcs");
      assertThat(problem.line()).isEqualTo(9);
      assertThat(problem.column()).isEqualTo(5);
      assertThat(problem.suggestion()).isEqualTo("epochs");
      assertThat(problem.message()).isEqualTo("unknown key (in ablation cell seed=1,train.epohcs=1)");
    });
  }

  @Test
  void baselineValueOutsideGridIsReported() {
    ConfigException error = failureFor("""
        ablation:
          grid:
            seed: [1, 2]
          baseline: {seed: 3, sed: 1}
        """);

    assertThat(error.problems()).hasSize(2);
    assertThat(error.problems().get(0).keyPath()).isEqualTo("ablation.baseline.seed");
    assertThat(error.problems().get(0).message()).isEqualTo("not one of the grid values [1, 2]");
    assertThat(error.problems().get(1).keyPath()).isEqualTo("ablation.baseline.sed");
    assertThat(error.problems().get(1).suggestion()).isEqualTo("seed");
  }

  @Test
  void emptyAxisIsReported() {
    ConfigException error = failureFor("ablation:\n  grid:\n    seed: []\n");

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("ablation.grid.seed");
      assertThat(problem.message()).isEqualTo("expected a non-empty list of values");
    });
  }
}
