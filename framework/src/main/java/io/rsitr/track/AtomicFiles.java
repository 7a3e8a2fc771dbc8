package io.rsitr.track;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** File writes that readers in other processes never see half done. */
final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Replaces the file's content by writing a temporary file in {@code temporaryDir} and renaming
   * it over the file, so a reader sees either the old or the new content. The folder must be on
   * the same file system as the file, and should be one that MLflow does not list (writing into
   * {@code params/} would briefly show the temporary file as a param).
   */
  static void writeString(Path file, String content, Path temporaryDir) throws IOException {
    Path temporary = temporaryDir.resolve(".rsitr-" + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Appends one line with a single {@code write} call on a file opened with {@code O_APPEND}. On
   * local Linux and macOS file systems such a write of a short line is not interleaved with
   * appends from other processes.
   */
  static void appendLine(Path file, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }
}
