package io.rsitr.track;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads artifact files through the tracking server's artifact proxy with
 * {@code PUT <tracking uri>/api/2.0/mlflow-artifacts/artifacts/<path>}, where the path is the
 * run's artifact URI {@code mlflow-artifacts:/<experiment id>/<run id>/artifacts} without its
 * scheme, followed by the artifact's own path. The server must proxy artifacts, which MLflow 2.x
 * servers do unless started with {@code --no-serve-artifacts}.
 */
final class ArtifactUploader {

  static final String PROXY_PATH = "/api/2.0/mlflow-artifacts/artifacts/";
  private static final String PROXY_SCHEME = "mlflow-artifacts";
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactUploader.class);

  private final HttpClient http;
  private final String trackingUri;
  private final RestDeliverySettings settings;

  ArtifactUploader(HttpClient http, String trackingUri, RestDeliverySettings settings) {
    this.http = http;
    this.trackingUri = trackingUri;
    this.settings = settings;
  }

  /**
   * Returns the proxy URL of an artifact, or {@code null} when the run's artifact URI is not an
   * {@code mlflow-artifacts:} URI, so the server does not proxy this run's artifacts.
   */
  URI artifactUrl(String runArtifactUri, String artifactPath) {
    URI runArtifacts = URI.create(runArtifactUri);
    if (!PROXY_SCHEME.equals(runArtifacts.getScheme())) {
      return null;
    }
    String root = runArtifacts.getPath().replaceAll("^/+", "");
    return URI.create(trackingUri + PROXY_PATH + encodePath(root + "/" + artifactPath));
  }

  /**
   * Uploads one file, retrying with a doubling wait.
   *
   * @return whether the server stored the file
   */
  boolean upload(Path file, String runArtifactUri, String artifactPath) {
    URI url = artifactUrl(runArtifactUri, artifactPath);
    if (url == null) {
      LOG.warn("Cannot upload artifact {}: the run's artifact URI {} is not served by the "
          + "tracking server's artifact proxy; start the server with --serve-artifacts",
          file, runArtifactUri);
      return false;
    }
    Duration wait = settings.artifactBackoff();
    for (int attempt = 1; attempt <= settings.artifactAttempts(); attempt++) {
      String failure = tryUpload(file, url);
      if (failure == null) {
        LOG.debug("Uploaded artifact {} to {}", file, url);
        return true;
      }
      if (attempt == settings.artifactAttempts()) {
        LOG.warn("Failed to upload artifact {} to {} after {} attempts: {}; the local file is "
            + "kept", file, url, attempt, failure);
        return false;
      }
      LOG.info("Upload of artifact {} failed ({}), retrying in {} ms", file, failure,
          wait.toMillis());
      if (!sleep(wait)) {
        return false;
      }
      wait = wait.multipliedBy(2);
    }
    return false;
  }

  /** Returns {@code null} on success, else a description of the failure. */
  private String tryUpload(Path file, URI url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(settings.requestTimeout())
          .PUT(HttpRequest.BodyPublishers.ofFile(file))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        return null;
      }
      return "HTTP " + response.statusCode() + " " + response.body();
    } catch (FileNotFoundException e) {
      return "file not found";
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Percent-encodes each segment of a {@code /}-separated path. */
  static String encodePath(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", segments);
  }
}
