package io.rsitr.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.tensorflow.Session;

/**
 * Training checkpoints in a run folder: {@code latest/} and {@code best/}, each TensorFlow's
 * variable checkpoint (optimizer slots and momentum copies included) plus {@code state.json}.
 *
 * <p>Each checkpoint is written into a temporary folder and then renamed into place, so a crash
 * while saving leaves the previous checkpoint intact.
 */
public final class Checkpoints {

  public static final String LATEST = "latest";
  public static final String BEST = "best";
  private static final String VARIABLES = "variables";
  private static final String STATE = "state.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public Checkpoints(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path folder(String name) {
    return root.resolve(name);
  }

  public boolean exists(String name) {
    return Files.isRegularFile(folder(name).resolve(STATE));
  }

  /** Saves the session's variables and {@code state} as checkpoint {@code name}, atomically. */
  public void save(String name, Session session, CheckpointState state) {
    try {
      Files.createDirectories(root);
      Path temporary = Files.createTempDirectory(root, "." + name + "-");
      session.save(temporary.resolve(VARIABLES).toString());
      JSON.writeValue(temporary.resolve(STATE).toFile(), state);
      Path target = folder(name);
      Path old = null;
      if (Files.exists(target)) {
        old = root.resolve("." + name + "-old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + folder(name) + ": " + e.getMessage(), e);
    }
  }

  /** Copies checkpoint {@code from} to {@code to}, atomically. */
  public void copy(String from, String to) {
    try {
      Path temporary = Files.createTempDirectory(root, "." + to + "-");
      try (var files = Files.list(folder(from))) {
        for (Path file : files.toList()) {
          Files.copy(file, temporary.resolve(file.getFileName()));
        }
      }
      Path target = folder(to);
      if (Files.exists(target)) {
        Path old = root.resolve("." + to + "-old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy checkpoint " + from + " to " + to + " in " + root, e);
    }
  }

  /** Restores checkpoint {@code name} into the session and returns its state. */
  public CheckpointState restore(String name, Session session) {
    Path folder = folder(name);
    if (!exists(name)) {
      throw new IllegalArgumentException("no checkpoint '" + name + "' in " + root + "; train first or check the path");
    }
    session.restore(folder.resolve(VARIABLES).toString());
    return readState(name);
  }

  public CheckpointState readState(String name) {
    try {
      return JSON.readValue(folder(name).resolve(STATE).toFile(), CheckpointState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder(name).resolve(STATE) + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
