package io.rsitr.track;

/** Checks of artifact folder names given to {@link TrackedRun#logArtifact}. */
final class ArtifactPaths {

  private ArtifactPaths() {}

  /**
   * Returns the folder as a relative path with {@code /} separators and no trailing slash, or an
   * empty string for the artifact root ({@code null} or empty).
   *
   * @throws IllegalArgumentException for an absolute path or a {@code .} or {@code ..} segment
   */
  static String validateDir(String artifactDir) {
    if (artifactDir == null || artifactDir.isEmpty()) {
      return "";
    }
    String trimmed = artifactDir.endsWith("/")
        ? artifactDir.substring(0, artifactDir.length() - 1)
        : artifactDir;
    if (trimmed.startsWith("/") || trimmed.contains("\\")) {
      throw new IllegalArgumentException(
          "Invalid artifact folder '" + artifactDir + "': use a relative path with '/' separators");
    }
    for (String segment : trimmed.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "Invalid artifact folder '" + artifactDir + "': empty, '.' and '..' segments are not "
                + "allowed because the folder must stay inside the run's artifact root");
      }
    }
    return trimmed;
  }

  /** Joins a validated folder and a file name into an artifact path. */
  static String join(String relativeDir, String fileName) {
    return relativeDir.isEmpty() ? fileName : relativeDir + "/" + fileName;
  }
}
