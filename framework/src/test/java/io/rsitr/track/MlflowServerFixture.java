package io.rsitr.track;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An MLflow tracking server for integration tests, on 127.0.0.1 only.
 *
 * <p>{@link #startOrReuse} uses the server named by {@value #SERVER_URI_ENV} when set, else
 * starts {@code mlflow server} with the Python from {@value MlflowPython#PYTHON_ENV} (SQLite
 * backend and a local artifact folder under the given work folder), else skips the test.
 * {@link #startOwn} always starts a server, because a test that stops the server must not stop
 * a shared one.
 */
public final class MlflowServerFixture implements AutoCloseable {

  public static final String SERVER_URI_ENV = "RSITR_MLFLOW_SERVER_URI";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final String uri;
  private final Path workDir;
  private final int port;
  private Process process;
  private int starts;

  private MlflowServerFixture(String uri, Path workDir, int port) {
    this.uri = uri;
    this.workDir = workDir;
    this.port = port;
  }

  /** Returns the shared server from the environment, or starts one, or skips the test. */
  public static MlflowServerFixture startOrReuse(Path workDir) throws IOException, InterruptedException {
    String shared = System.getenv(SERVER_URI_ENV);
    if (shared != null && !shared.isBlank()) {
      return new MlflowServerFixture(shared.replaceAll("/+$", ""), null, -1);
    }
    return startOwn(workDir);
  }

  /** Starts a server of this test's own, or skips the test when no MLflow Python is set. */
  static MlflowServerFixture startOwn(Path workDir) throws IOException, InterruptedException {
    MlflowPython.requirePython();
    int port = freePort();
    MlflowServerFixture server =
        new MlflowServerFixture("http://127.0.0.1:" + port, workDir, port);
    server.start();
    return server;
  }

  public String uri() {
    return uri;
  }

  /** Kills the server and its worker processes, as a crash would. */
  void kill() throws InterruptedException {
    if (process == null) {
      throw new IllegalStateException("This test does not own the server at " + uri);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    process = null;
  }

  /** Starts the server again on the same port with the same database and artifact folder. */
  void restart() throws IOException, InterruptedException {
    start();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      kill();
    }
  }

  private void start() throws IOException, InterruptedException {
    starts++;
    Path log = workDir.resolve("mlflow-server-" + starts + ".log");
    List<String> command = List.of(
        MlflowPython.requirePython(), "-m", "mlflow", "server",
        "--backend-store-uri", "sqlite:///" + workDir.resolve("mlflow.db").toAbsolutePath(),
        "--artifacts-destination", workDir.resolve("artifacts").toAbsolutePath().toString(),
        "--host", "127.0.0.1",
        "--port", Integer.toString(port),
        "--workers", "1");
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    awaitHealthy(log);
  }

  private void awaitHealthy(Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(uri + "/health"))
        .timeout(Duration.ofSeconds(5))
        .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mlflow server exited with code " + process.exitValue()
            + ", log:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    kill();
    throw new IllegalStateException("mlflow server at " + uri + " did not become healthy within "
        + START_TIMEOUT.toSeconds() + " s, log:\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
