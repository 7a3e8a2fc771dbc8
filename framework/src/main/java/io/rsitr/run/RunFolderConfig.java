package io.rsitr.run;

import io.rsitr.spec.ExperimentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The resolved configuration kept in a run folder ({@code runs/<runId>/resolved_config.yaml}), so
 * that {@code rsitr eval} can rebuild the trained graph from the folder alone.
 */
public final class RunFolderConfig {

  public static final String FILE_NAME = "resolved_config.yaml";

  private RunFolderConfig() {}

  /** Writes the resolved YAML of {@code spec} into {@code runFolder}, replacing an older copy. */
  public static void write(Path runFolder, ExperimentSpec spec) {
    try {
      Files.createDirectories(runFolder);
      Path temporary = Files.createTempFile(runFolder, "." + FILE_NAME, ".tmp");
      Files.writeString(temporary, spec.resolvedYaml());
      Files.move(temporary, file(runFolder), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + file(runFolder) + ": " + e.getMessage(), e);
    }
  }

  public static Path file(Path runFolder) {
    return runFolder.resolve(FILE_NAME);
  }
}
