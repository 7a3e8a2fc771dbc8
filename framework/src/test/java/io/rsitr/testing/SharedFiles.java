package io.rsitr.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared research data and reference fixtures that live beside the project
 * ({@code ../shared} from the project root) and skips a test when they are absent.
 *
 * <p>A fresh clone has no {@code ../shared}; tests that need it are skipped with a message that
 * names the missing file, so the test command still passes. {@code RSITR_SHARED} points
 * elsewhere when the folder lives somewhere else.
 */
public final class SharedFiles {

  private static final java.util.Set<Path> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private SharedFiles() {}

  /** Returns the project root: the {@code rsitr.projectRoot} property set by the build, or the working directory. */
  public static Path projectRoot() {
    String fromBuild = System.getProperty("rsitr.projectRoot");
    Path start = fromBuild != null ? Path.of(fromBuild) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("framework")) && Files.isDirectory(dir.resolve("plugins"))) {
        return dir;
      }
    }
    return start.toAbsolutePath();
  }

  /** Returns the shared folder: {@code RSITR_SHARED} when set, otherwise {@code ../shared} from the project root. */
  public static Path sharedRoot() {
    String override = System.getenv("RSITR_SHARED");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath().normalize();
    }
    return projectRoot().resolve("../shared").toAbsolutePath().normalize();
  }

  /**
   * Resolves a path under the shared folder, skipping the calling test when it does not exist.
   *
   * @param relative for example {@code fixtures/clip_tiny/clip_tiny.pth}
   */
  public static Path require(String relative) {
    Path path = sharedRoot().resolve(relative);
    if (!Files.exists(path) && REPORTED.add(path)) {
      // Surefire prints only a count of skipped tests, so this line names the missing file.
      System.err.println("SKIPPED: " + path + " is missing; tests that need it are skipped (put the shared data"
          + " folder beside the project as ../shared, or set RSITR_SHARED)");
    }
    assumeTrue(
        Files.exists(path),
        () -> "skipped: " + path + " is missing; this test needs the shared data folder beside the"
            + " project (../shared) or RSITR_SHARED pointing to it");
    return path;
  }
}
