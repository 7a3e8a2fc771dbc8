package io.rsitr.track;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** A quick check, made before a run starts, that an MLflow tracking server responds to HTTP. */
final class ServerReachability {

  private ServerReachability() {}

  /**
   * Sends {@code GET /health}. Any HTTP response counts as reachable, because a server behind a
   * proxy or with authentication may answer this path with an error status.
   *
   * @throws IllegalStateException when no HTTP response arrives, with the cause and what to do
   */
  static void check(HttpClient http, String trackingUri, Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(trackingUri + "/health"))
        .timeout(timeout)
        .GET()
        .build();
    try {
      http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new IllegalStateException(
          "MLflow tracking server at " + trackingUri + " is not reachable: " + describe(e)
              + "; start it or set tracking.uri / MLFLOW_TRACKING_URI", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while checking the MLflow tracking server at " + trackingUri, e);
    }
  }

  private static String describe(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException) {
        return "host name not resolved";
      }
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "request timed out";
    }
    return e.toString();
  }
}
