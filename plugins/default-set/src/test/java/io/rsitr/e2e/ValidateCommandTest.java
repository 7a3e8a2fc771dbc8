package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rsitr.cli.Main;

class ValidateCommandTest {

  @TempDir Path dir;

  @Test
  void reportsUnknownPluginMisspeltKeyAndStringNumberTogether() throws Exception {
    Path yaml = dir.resolve("broken.yaml");
    Files.writeString(yaml, String.join("\n",
        "name: broken",
        "backbone:",
        "  name: clpi",
        "interaction: {name: none}",
        "loss: {name: infonce}",
        "dataset: {name: synthetic}",
        "train:",
        "  epohcs: 3",
        "  max_lr: fast",
        ""));

    CommandOutput output = run("validate", yaml.toString());

    assertThat(output.exitCode).as("exit code of an invalid config").isEqualTo(2);
    assertThat(output.err).as("unknown plugin with line:column and suggestion")
        .contains("broken.yaml:3:9: backbone.name: unknown backbone 'clpi'")
        .contains("did you mean 'clip'?");
    assertThat(output.err).as("misspelt key with line:column and suggestion")
        .contains("broken.yaml:8:3: train.epohcs: unknown key; did you mean 'epochs'?");
    assertThat(output.err).as("string where a number belongs, with line:column")
        .contains("broken.yaml:9:11: train.max_lr: invalid value \"fast\": expected a number");
  }

  @Test
  void printsResolvedConfigWithDefaults() throws Exception {
    Path smoke = projectRoot().resolve("experiments/smoke.yaml");

    CommandOutput output = run("validate", smoke.toString(), "--set", "train.epochs=2");

    assertThat(output.exitCode).as("exit code; stderr: %s", output.err).isZero();
    assertThat(output.out).contains("epochs: 2").contains("max_lr: 0.001").contains("beta2: 0.98")
        .contains("name: synthetic").contains("# config hash: ");
  }

  static Path projectRoot() {
    return io.rsitr.testing.SharedFiles.projectRoot();
  }

  static CommandOutput run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new CommandOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  record CommandOutput(int exitCode, String out, String err) {}
}
