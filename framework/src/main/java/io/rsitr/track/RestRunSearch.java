package io.rsitr.track;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.RunsPage;

/**
 * Run lookups on an MLflow tracking server: {@code runs/search} with a tag filter, and artifact
 * downloads through the server's artifact proxy.
 */
final class RestRunSearch {

  // The maximum page size that MLflow 2.17's runs/search accepts.
  private static final int PAGE_SIZE = 1000;

  private final MlflowClient client;
  private final HttpClient http;
  private final ArtifactUploader uploader;
  private final Duration requestTimeout;

  RestRunSearch(MlflowClient client, HttpClient http, ArtifactUploader uploader, Duration requestTimeout) {
    this.client = client;
    this.http = http;
    this.uploader = uploader;
    this.requestTimeout = requestTimeout;
  }

  /** Returns the active runs of the experiment with every tag of {@code tagEquals}, newest first. */
  List<RunInfo> findRuns(String experimentId, Map<String, String> tagEquals) {
    String filter = tagFilter(tagEquals);
    List<RunInfo> runs = new ArrayList<>();
    String pageToken = null;
    do {
      RunsPage page = client.searchRuns(List.of(experimentId), filter, Service.ViewType.ACTIVE_ONLY, PAGE_SIZE,
          List.of("attributes.start_time DESC"), pageToken);
      for (Service.Run run : page.getItems()) {
        runs.add(toRunInfo(run));
      }
      pageToken = page.getNextPageToken().orElse(null);
    } while (pageToken != null && !pageToken.isEmpty());
    return runs;
  }

  /** Downloads one artifact file of a run into {@code targetDir}. */
  Path download(String runId, String artifactPath, Path targetDir) {
    String artifactUri = client.getRun(runId).getInfo().getArtifactUri();
    URI url = uploader.artifactUrl(artifactUri, artifactPath);
    if (url == null) {
      throw new IllegalStateException("Cannot download artifact '" + artifactPath + "' of run " + runId
          + ": its artifact URI " + artifactUri + " is not served by the tracking server's artifact proxy");
    }
    String fileName = artifactPath.substring(artifactPath.lastIndexOf('/') + 1);
    try {
      Files.createDirectories(targetDir);
      Path target = targetDir.resolve(fileName);
      Path partial = Files.createTempFile(targetDir, "." + fileName, ".part");
      HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
      HttpResponse<Path> response = http.send(request,
          HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() / 100 != 2) {
        Files.deleteIfExists(partial);
        throw new IllegalStateException("Failed to download artifact '" + artifactPath + "' of run " + runId
            + " from " + url + ": HTTP " + response.statusCode());
      }
      return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Failed to download artifact '" + artifactPath + "' of run " + runId
          + " from " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while downloading artifact '" + artifactPath + "'", e);
    }
  }

  /**
   * Builds a filter such as {@code tags.`rsitr.seed` = '2' and tags.`rsitr.ablation` = 'parent'}.
   *
   * @throws IllegalArgumentException for a value with a single quote, which the filter cannot hold
   */
  static String tagFilter(Map<String, String> tagEquals) {
    for (Map.Entry<String, String> tag : tagEquals.entrySet()) {
      MlflowNames.validateKey(tag.getKey());
      if (tag.getValue().contains("'")) {
        throw new IllegalArgumentException("Cannot search runs by tag '" + tag.getKey() + "' = '" + tag.getValue()
            + "': values with a single quote are not supported in MLflow filter strings here");
      }
    }
    return tagEquals.entrySet().stream()
        .map(tag -> "tags.`" + tag.getKey() + "` = '" + tag.getValue() + "'")
        .collect(Collectors.joining(" and "));
  }

  private static RunInfo toRunInfo(Service.Run run) {
    Map<String, String> tags = new LinkedHashMap<>();
    run.getData().getTagsList().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
    Map<String, Double> metrics = new LinkedHashMap<>();
    run.getData().getMetricsList().forEach(metric -> metrics.put(metric.getKey(), metric.getValue()));
    Service.RunInfo info = run.getInfo();
    return new RunInfo(info.getRunId(), info.getExperimentId(), info.getStatus().name(), info.getStartTime(), tags,
        metrics);
  }
}
