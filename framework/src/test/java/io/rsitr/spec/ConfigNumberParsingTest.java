package io.rsitr.spec;

import static io.rsitr.spec.SpecFixtures.MINIMAL_BODY;
import static io.rsitr.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rsitr.plugin.PluginKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigNumberParsingTest {

  @TempDir
  Path dir;

  private final ExperimentLoader loader = new ExperimentLoader(SpecFixtures.schema());

  private Path experimentWith(String trainBody) {
    return write(dir, "x.yaml", MINIMAL_BODY + "train:\n" + trainBody + "\n");
  }

  @ParameterizedTest(name = "max_lr: {0}")
  @CsvSource({
      "2e-5, 2e-5",
      "4e-6, 4e-6",
      ".5, 0.5",
      "2.0e-5, 2e-5",
      "1E3, 1000",
      "-3, -3",
      "+1.5, 1.5",
      "1_000.5, 1000.5",
      "5., 5",
  })
  void floatParameterAcceptsCommonSpellings(String written, double expected) {
    Path experiment = experimentWith("  max_lr: " + written);

    double value = loader.load(experiment, List.of(), Map.of()).section("train").getDouble("max_lr");

    assertThat(value).isEqualTo(expected);
  }

  @ParameterizedTest(name = "epochs: {0}")
  @CsvSource({
      "3, 3",
      "1e3, 1000",
      "1_000, 1000",
      "+7, 7",
  })
  void intParameterAcceptsWholeNumbers(String written, int expected) {
    Path experiment = experimentWith("  epochs: " + written);

    int value = loader.load(experiment, List.of(), Map.of()).section("train").getInt("epochs");

    assertThat(value).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "max_lr: fast         | invalid value \"fast\": expected a number",
      "max_lr: '2e-5'       | invalid value \"2e-5\": expected a number, got a quoted string; remove the quotes",
      "max_lr: 0x10         | invalid value \"0x10\": expected a number",
      "max_lr: .nan         | invalid value \".nan\": expected a number",
      "max_lr: 1e400        | invalid value \"1e400\": out of range for a 64-bit floating-point number",
      "epochs: 64.0         | invalid value \"64.0\": expected an integer without a fraction part",
      "epochs: 1e-3         | invalid value \"1e-3\": expected an integer, but the exponent makes it a fraction",
      "epochs: 017          | invalid value \"017\": expected an integer without a leading zero, because YAML 1.1 reads it as octal",
      "epochs: 3000000000   | invalid value \"3000000000\": out of range for a 32-bit integer",
      "epochs: 0            | invalid value \"0\": must be at least 1",
      "warmup_fraction: 1.5 | invalid value \"1.5\": must be at most 1",
      "epochs: [1, 2]       | expected an integer, got a list",
      "epochs:              | missing value; remove the key to use the default 1",
  })
  void invalidNumberIsReportedWithReason(String line, String expectedMessage) {
    Path experiment = experimentWith("  " + line);

    ConfigException error = catchThrowableOfType(ConfigException.class,
        () -> loader.load(experiment, List.of(), Map.of()));

    assertThat(error.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.message()).isEqualTo(expectedMessage);
      assertThat(problem.line()).isEqualTo(7);
    });
  }

  @ParameterizedTest(name = "seed: {0}")
  @CsvSource({"7, 7", "-1, -1", "1e3, 1000", "9000000000, 9000000000"})
  void seedIsReadAsLong(String written, long expected) {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY + "seed: " + written + "\n");

    assertThat(loader.load(experiment, List.of(), Map.of()).seed()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "--set loss.temperature={0}")
  @CsvSource({"2e-5, 2e-5", ".5, 0.5"})
  void overrideValueIsParsedLikeYaml(String written, double expected) {
    Path experiment = write(dir, "x.yaml", MINIMAL_BODY);

    double value = loader.load(experiment, List.of("loss.temperature=" + written), Map.of())
        .plugin(PluginKind.LOSS).parameters().getDouble("temperature");

    assertThat(value).isEqualTo(expected);
  }
}
