package io.rsitr.plugins.datasets;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The folder that annotation file names are relative to. Resolving a name rejects any path that
 * would leave the folder, so an annotation file cannot make the dataset read other files.
 */
final class ImageRoot {

  private final Path root;

  /** @param root the folder, relative to the working directory or absolute */
  ImageRoot(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path path() {
    return root;
  }

  /**
   * Returns the image file a name refers to.
   *
   * <p>NOTE: the check compares normalised paths and does not follow symbolic links, so a link
   * inside the root that points elsewhere is still read.
   *
   * @throws IllegalArgumentException when the name is absolute, is not a valid path, or resolves
   *     outside the root (for example {@code ../x.jpg})
   */
  Path resolve(String filename) {
    Path relative;
    try {
      relative = Path.of(filename);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + filename + "' is not a valid path: " + e.getReason(), e);
    }
    if (relative.isAbsolute() || relative.getRoot() != null) {
      throw new IllegalArgumentException(
          "'" + filename + "' is an absolute path; file names must be relative to image_root " + root);
    }
    Path resolved = root.resolve(relative).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new IllegalArgumentException(
          "'" + filename + "' resolves to " + resolved + ", outside image_root " + root);
    }
    return resolved;
  }
}
