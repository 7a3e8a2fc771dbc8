package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.cli.Main;
import io.rsitr.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsitr train} against a tracking server that is not running fails before it trains. */
class UnreachableTrackingServerTest {

  @TempDir Path dir;

  @Test
  void closedPortFailsFastWithMessage() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<String> arguments = new ArrayList<>(List.of("train",
        SharedFiles.projectRoot().resolve("experiments/smoke.yaml").toString(),
        "--set", "tracking.uri=http://127.0.0.1:" + closedPort,
        "--set", "runtime.output_dir=" + dir.resolve("runs")));
    AblationFixtures.TINY.forEach(override -> arguments.addAll(List.of("--set", override)));

    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    long start = System.nanoTime();
    int exitCode;
    try {
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      exitCode = Main.execute(arguments.toArray(String[]::new));
    } finally {
      System.setErr(originalErr);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    String message = errors.toString(StandardCharsets.UTF_8);
    assertThat(exitCode).as("exit code; stderr: %s", message).isEqualTo(1);
    assertThat(message).contains("error: MLflow tracking server at http://127.0.0.1:" + closedPort
        + " is not reachable: connection refused; start it or set tracking.uri / MLFLOW_TRACKING_URI");
    assertThat(seconds).as("seconds until the failure").isLessThan(20.0);
    assertThat(dir.resolve("runs")).as("no run folder, because nothing trained").doesNotExist();
  }
}
