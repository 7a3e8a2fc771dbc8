package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMlflowStoreConcurrencyTest {

  private static final int WORKERS = 4;

  @TempDir Path temp;

  @Test
  void threadsCreatingOneExperimentShareIt() throws Exception {
    Path root = temp.resolve("mlruns");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<String>> ids = new ArrayList<>();
    try {
      for (int i = 0; i < WORKERS; i++) {
        Callable<String> worker = () -> {
          start.await();
          return new LocalMlflowStore(root).startRun("race", "r", Map.of(), null).experimentId();
        };
        ids.add(pool.submit(worker));
      }
      start.countDown();

      Set<String> distinct = new HashSet<>();
      for (Future<String> id : ids) {
        distinct.add(id.get(60, TimeUnit.SECONDS));
      }
      assertThat(distinct).as("experiment ids returned to the threads").hasSize(1);
      assertThat(experimentsNamed(root, "race")).as("experiments named 'race'").hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void processesCreatingOneExperimentShareIt() throws Exception {
    Path root = temp.resolve("mlruns");
    long startAt = System.currentTimeMillis() + 3_000;
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      processes.add(new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", testClassPath(),
              CreateExperimentMain.class.getName(),
              root.toString(), "race", Long.toString(startAt))
          .redirectErrorStream(true)
          .redirectOutput(temp.resolve("worker-" + i + ".log").toFile())
          .start());
    }

    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < WORKERS; i++) {
      Process process = processes.get(i);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("worker %d finished", i).isTrue();
      String log = Files.readString(temp.resolve("worker-" + i + ".log"), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("exit code of worker %d, log:%n%s", i, log).isZero();
      distinct.add(log.lines()
          .filter(line -> line.startsWith("EXPERIMENT_ID="))
          .findFirst()
          .orElseThrow(() -> new AssertionError("worker printed no experiment id:\n" + log))
          .substring("EXPERIMENT_ID=".length()));
    }

    assertThat(distinct).as("experiment ids printed by the processes").hasSize(1);
    assertThat(experimentsNamed(root, "race")).as("experiments named 'race'").hasSize(1);
    Path experimentDir = root.resolve(distinct.iterator().next());
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(experimentDir, Files::isDirectory)) {
      assertThat(runs).as("runs in the shared experiment").hasSize(WORKERS);
    }
  }

  private static List<String> experimentsNamed(Path root, String name) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        Map<String, Object> meta = MetaYaml.read(dir);
        if (meta != null && name.equals(meta.get("name"))) {
          ids.add(dir.getFileName().toString());
        }
      }
    }
    return ids;
  }

  /** Returns the test class path; Surefire may hide it behind a manifest-only jar. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
