package io.rsitr.cli;

import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads weight files named on the command line, turning unreadable input into exit code 2. */
final class WeightFiles {

  private WeightFiles() {}

  /**
   * Reads {@code file} as a state dict.
   *
   * @throws IllegalArgumentException when the file is missing or is not a supported weight format
   */
  static StateDict read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("weight file " + file + " not found; check the path");
    }
    try {
      return StateDict.read(file);
    } catch (WeightFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read weight file " + file + ": " + e.getMessage(), e);
    }
  }
}
