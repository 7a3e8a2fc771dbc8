package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMlflowStoreSearchTest {

  @TempDir Path temp;

  private final ManualClock clock = new ManualClock(1_700_000_000_000L);

  @Test
  void findRunsFiltersByTagsNewestFirst() {
    LocalMlflowStore store = new LocalMlflowStore(temp.resolve("mlruns"), clock);
    TrackedRun parent = store.startRun("ablation", "grid", Map.of("rsitr.ablation", "parent"), null);
    clock.set(1_700_000_001_000L);
    TrackedRun first = store.startRun("ablation", "a", Map.of("rsitr.cell.seed", "1"), parent.runId());
    clock.set(1_700_000_002_000L);
    TrackedRun second = store.startRun("ablation", "b", Map.of("rsitr.cell.seed", "2"), parent.runId());
    first.end(RunStatus.FINISHED);

    List<RunInfo> children = store.findRuns("ablation", Map.of("mlflow.parentRunId", parent.runId()));
    List<RunInfo> seedOne = store.findRuns("ablation",
        Map.of("mlflow.parentRunId", parent.runId(), "rsitr.cell.seed", "1"));

    assertThat(children).extracting(RunInfo::runId).as("children, newest first")
        .containsExactly(second.runId(), first.runId());
    assertThat(seedOne).extracting(RunInfo::runId).containsExactly(first.runId());
    assertThat(seedOne.get(0).status()).isEqualTo("FINISHED");
    assertThat(seedOne.get(0).isFinished()).isTrue();
    assertThat(children.get(0).status()).as("a run not yet ended").isEqualTo("RUNNING");
    assertThat(seedOne.get(0).tags()).containsEntry("mlflow.runName", "a").containsEntry("rsitr.cell.seed", "1");
    assertThat(seedOne.get(0).startTime()).isEqualTo(1_700_000_001_000L);
  }

  @Test
  void findRunsReturnsLatestMetricValues() {
    LocalMlflowStore store = new LocalMlflowStore(temp.resolve("mlruns"), clock);
    TrackedRun run = store.startRun("metrics", "run", Map.of(), null);
    run.logMetric("val/mr", 10.0, 5);
    run.logMetric("val/mr", 30.0, 20);
    clock.set(1_700_000_009_000L);
    run.logMetric("val/mr", 20.0, 10);
    run.logMetric("test/mr", 25.5, 20);

    RunInfo found = store.findRuns("metrics", Map.of()).get(0);

    assertThat(found.metrics()).as("value at the highest step, nested keys included")
        .containsEntry("val/mr", 30.0)
        .containsEntry("test/mr", 25.5);
  }

  @Test
  void missingExperimentHasNoRuns() {
    LocalMlflowStore store = new LocalMlflowStore(temp.resolve("mlruns"), clock);

    assertThat(store.findRuns("never-created", Map.of())).isEmpty();
  }

  @Test
  void downloadArtifactCopiesFile() throws Exception {
    LocalMlflowStore store = new LocalMlflowStore(temp.resolve("mlruns"), clock);
    TrackedRun run = store.startRun("artifacts", "run", Map.of(), null);
    Path file = temp.resolve("variables.index");
    Files.write(file, new byte[] {1, 2, 3, 4});
    run.logArtifact(file, "checkpoints/best");

    Path copy = store.downloadArtifact(run.runId(), "checkpoints/best/variables.index", temp.resolve("download"));

    assertThat(copy).isEqualTo(temp.resolve("download/variables.index"));
    assertThat(Files.readAllBytes(copy)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void downloadOfMissingArtifactIsReported() {
    LocalMlflowStore store = new LocalMlflowStore(temp.resolve("mlruns"), clock);
    TrackedRun run = store.startRun("artifacts", "run", Map.of(), null);

    assertThatThrownBy(() -> store.downloadArtifact(run.runId(), "test_ranks.json", temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Artifact 'test_ranks.json' of run " + run.runId() + " was not found");
  }

  @Test
  void tagFilterQuotesKeysAndValues() {
    String filter = RestRunSearch.tagFilter(Map.of("rsitr.ablation", "parent"));

    assertThat(filter).isEqualTo("tags.`rsitr.ablation` = 'parent'");
    assertThatThrownBy(() -> RestRunSearch.tagFilter(Map.of("rsitr.cell", "it's")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single quote");
  }
}
