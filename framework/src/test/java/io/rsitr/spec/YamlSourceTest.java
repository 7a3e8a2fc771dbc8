package io.rsitr.spec;

import static io.rsitr.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSourceTest {

  @TempDir
  Path dir;

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final YamlSource source = new YamlSource(problems);

  private ConfigMap read(String yaml) {
    Path file = write(dir, "x.yaml", yaml);
    return (ConfigMap) source.readFile(file, SourceLocation.startOf(file.toString()), "");
  }

  @Test
  void keysAndValuesKeepLineAndColumn() {
    ConfigMap root = read("""
        # comment
        train:
          epochs: 3
          ks: [1, 5]
        """);

    ConfigMap train = (ConfigMap) root.get("train");
    ConfigMap.Entry epochs = train.entry("epochs");
    ConfigList ks = (ConfigList) train.get("ks");
    assertThat(problems).isEmpty();
    assertThat(root.entry("train").keyLocation()).isEqualTo(new SourceLocation(dir.resolve("x.yaml").toString(), 2, 1));
    assertThat(epochs.keyLocation().line()).isEqualTo(3);
    assertThat(epochs.keyLocation().column()).isEqualTo(3);
    assertThat(epochs.value().location().column()).isEqualTo(11);
    assertThat(ks.items().get(1).location().column()).isEqualTo(11);
    assertThat(((ConfigScalar) epochs.value()).baseDirectory()).isEqualTo(dir);
  }

  @Test
  void quotedAndExplicitStringsAreMarkedQuoted() {
    ConfigMap root = read("a: '2e-5'\nb: !!str 5\nc: 2e-5\nd: \"x\"\n");

    assertThat(((ConfigScalar) root.get("a")).quoted()).isTrue();
    assertThat(((ConfigScalar) root.get("b")).quoted()).isTrue();
    assertThat(((ConfigScalar) root.get("c")).quoted()).isFalse();
    assertThat(((ConfigScalar) root.get("d")).quoted()).isTrue();
  }

  @Test
  void nullSpellingsAreNull() {
    ConfigMap root = read("a:\nb: ~\nc: null\nd: 'null'\n");

    assertThat(((ConfigScalar) root.get("a")).isNull()).isTrue();
    assertThat(((ConfigScalar) root.get("b")).isNull()).isTrue();
    assertThat(((ConfigScalar) root.get("c")).isNull()).isTrue();
    assertThat(((ConfigScalar) root.get("d")).isNull()).as("quoted").isFalse();
  }

  @Test
  void duplicateKeyIsReported() {
    read("seed: 1\nseed: 2\n");

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.keyPath()).isEqualTo("seed");
      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.message()).isEqualTo("duplicate key");
    });
  }

  @Test
  void mergeKeyIsRejected() {
    read("base: &base {epochs: 1}\ntrain:\n  <<: *base\n");

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.message()).startsWith("merge keys (<<) are not supported");
    });
  }

  @Test
  void aliasRepeatsTheAnchoredValue() {
    ConfigMap root = read("a: &lr 2e-5\nb: *lr\n");

    assertThat(problems).isEmpty();
    assertThat(((ConfigScalar) root.get("b")).text()).isEqualTo("2e-5");
  }

  @Test
  void customTagsAreRejected() {
    ConfigMap root = read("a: !!java.net.URL ['http://localhost']\nb: !local 3\nc: !!binary aGk=\nd: 1\n");

    assertThat(root.keys()).as("rejected values are left out").containsExactly("d");
    assertThat(problems).extracting(ConfigProblem::value)
        .containsExactly("!!java.net.URL", "!local", "!!binary");
  }

  @Test
  void syntaxErrorIsReportedWithLocation() {
    ConfigNode root = read("train:\n  epochs: [1, 2\n");

    assertThat(root).isNull();
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.message()).startsWith("invalid YAML: ");
      assertThat(problem.line()).isEqualTo(3);
    });
  }

  @Test
  void emptyFileIsEmptyMap() {
    ConfigMap root = read("# nothing yet\n");

    assertThat(problems).isEmpty();
    assertThat(root.keys()).isEmpty();
  }

  @Test
  void commandLineValueTakesOverrideLocation() {
    SourceLocation location = SourceLocation.commandLine("eval.ks=[1,5]");

    ConfigList value = (ConfigList) source.readValue("[1,5]", location);

    assertThat(value.items()).hasSize(2);
    assertThat(value.items().get(0).location()).isEqualTo(location);
    assertThat(((ConfigScalar) value.items().get(0)).baseDirectory()).isNull();
  }
}
