package io.rsitr.track;

import java.net.URI;
import java.nio.file.Path;

/** Conversions between local paths and the {@code file:} URIs that MLflow stores. */
final class FileUris {

  private FileUris() {}

  /** Returns the absolute {@code file:///...} URI of a path, without a trailing slash. */
  static String toUri(Path path) {
    String uri = path.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  /**
   * Returns the path named by a tracking URI: {@code file:./mlruns} (relative),
   * {@code file:/abs}, {@code file:///abs}, {@code file://localhost/abs}, or a plain path.
   *
   * @throws IllegalArgumentException for a {@code file:} URI with a remote host
   */
  static Path toPath(String uriOrPath) {
    if (!uriOrPath.startsWith("file:")) {
      return Path.of(uriOrPath);
    }
    String rest = uriOrPath.substring("file:".length());
    if (!rest.startsWith("/")) {
      return Path.of(rest);
    }
    URI uri = URI.create(uriOrPath);
    String host = uri.getAuthority();
    if (host != null && !host.isEmpty() && !host.equals("localhost")) {
      throw new IllegalArgumentException(
          "Invalid tracking URI '" + uriOrPath + "': a file: URI must name a local path, "
              + "not the host '" + host + "'; use file:///absolute/path or a plain path");
    }
    return Path.of(uri.getPath());
  }
}
