package io.rsitr.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python interpreter with MLflow 2.17 that the environment variable
 * {@value #PYTHON_ENV} names. Tests that need it are skipped when the variable is unset.
 */
final class MlflowPython {

  static final String PYTHON_ENV = "RSITR_MLFLOW_PYTHON";

  private MlflowPython() {}

  /** Returns the interpreter path, or skips the calling test when the variable is unset. */
  static String requirePython() {
    String python = System.getenv(PYTHON_ENV);
    Assumptions.assumeTrue(
        python != null && !python.isBlank(),
        PYTHON_ENV + " is not set, so this test is skipped. Set it to a Python that can import "
            + "mlflow 2.17.2, for example: python3 -m venv /tmp/mlflow-venv && "
            + "/tmp/mlflow-venv/bin/pip install mlflow==2.17.2 && "
            + "export " + PYTHON_ENV + "=/tmp/mlflow-venv/bin/python");
    return python;
  }

  /**
   * Runs {@code read_run.py} from the test resources and returns its JSON output.
   *
   * @throws AssertionError when the script fails, with its output
   */
  static JsonNode readRun(String trackingUri, String runId, String metricKey, Path workDir)
      throws IOException, InterruptedException {
    Path script = workDir.resolve("read_run.py");
    try (InputStream source = MlflowPython.class.getResourceAsStream("/mlflow/read_run.py")) {
      if (source == null) {
        throw new IllegalStateException("Test resource /mlflow/read_run.py is missing");
      }
      Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>(
        List.of(requirePython(), script.toString(), trackingUri, runId, metricKey));
    Process process = new ProcessBuilder(command)
        .redirectError(workDir.resolve("read_run.stderr").toFile())
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("read_run.py timed out after 120 s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("read_run.py failed with exit code " + process.exitValue() + ":\n"
          + Files.readString(workDir.resolve("read_run.stderr")));
    }
    return new ObjectMapper().readTree(stdout);
  }
}
