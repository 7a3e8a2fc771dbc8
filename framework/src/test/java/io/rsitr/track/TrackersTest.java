package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackersTest {

  private static final Map<String, String> ENV_WITH_URI =
      Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000");

  @TempDir Path temp;

  @Test
  void explicitConfigurationWinsOverEnv() {
    assertThat(Trackers.resolveUri("file:./runs", false, ENV_WITH_URI)).isEqualTo("file:./runs");
  }

  @Test
  void envWinsOverConfiguredDefault() {
    assertThat(Trackers.resolveUri("file:./mlruns", true, ENV_WITH_URI))
        .isEqualTo("http://127.0.0.1:5000");
  }

  @Test
  void defaultUsedWithoutEnv() {
    assertThat(Trackers.resolveUri("file:./mlruns", true, Map.of())).isEqualTo("file:./mlruns");
    assertThat(Trackers.resolveUri(null, true, Map.of())).isEqualTo(Trackers.DEFAULT_URI);
    assertThat(Trackers.resolveUri(null, true, Map.of("MLFLOW_TRACKING_URI", " ")))
        .isEqualTo(Trackers.DEFAULT_URI);
  }

  @Test
  void openChoosesLocalStoreForPaths() {
    Path absolute = temp.resolve("a");
    try (Tracker tracker = Trackers.open("file://" + absolute, Map.of())) {
      assertThat(tracker).isInstanceOf(LocalMlflowStore.class);
      assertThat(((LocalMlflowStore) tracker).root()).isEqualTo(absolute);
    }
    Path plain = temp.resolve("b");
    try (Tracker tracker = Trackers.open(plain.toString(), Map.of())) {
      assertThat(((LocalMlflowStore) tracker).root()).isEqualTo(plain);
    }
    Path fromEnv = temp.resolve("c");
    try (Tracker tracker = Trackers.open(null, Map.of("MLFLOW_TRACKING_URI", "file:" + fromEnv))) {
      assertThat(((LocalMlflowStore) tracker).root()).isEqualTo(fromEnv);
    }
  }

  @Test
  void openChoosesRestForHttp() {
    try (Tracker tracker = Trackers.open("http://127.0.0.1:5000/", Map.of())) {
      assertThat(tracker).isInstanceOf(RestMlflowTracker.class);
      assertThat(tracker.uri()).isEqualTo("http://127.0.0.1:5000");
    }
  }

  @Test
  void unsupportedSchemeRejected() {
    assertThatThrownBy(() -> Trackers.open("sqlite:///mlflow.db", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unsupported tracking URI 'sqlite:///mlflow.db'");
  }

  @Test
  void fileUriWithRemoteHostRejected() {
    assertThatThrownBy(() -> Trackers.open("file://fileserver/runs", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fileserver");
  }

  @Test
  void relativeFileUriResolvesAgainstWorkingDirectory() {
    assertThat(FileUris.toPath("file:./mlruns")).isEqualTo(Path.of("./mlruns"));
    assertThat(FileUris.toPath("file:///tmp/x%20y")).isEqualTo(Path.of("/tmp/x y"));
    assertThat(FileUris.toPath("file:/tmp/x")).isEqualTo(Path.of("/tmp/x"));
  }
}
