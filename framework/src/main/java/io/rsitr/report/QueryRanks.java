package io.rsitr.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The rank of the ground truth for every test query of one run, 0 for the first place, as the
 * runner writes them to {@code test_ranks.json}.
 *
 * @param imageRanks per image query (image to text), the rank of its best-ranked caption
 * @param captionRanks per caption query (text to image), the rank of its image
 */
public record QueryRanks(int[] imageRanks, int[] captionRanks) {

  /** The cut-offs of R@K that mR averages, in both directions. */
  static final int[] RECALL_CUTOFFS = {1, 5, 10};

  private static final ObjectMapper JSON = new ObjectMapper();

  public QueryRanks {
    imageRanks = imageRanks.clone();
    captionRanks = captionRanks.clone();
  }

  /** Reads {@code {"image_query_ranks": [...], "caption_query_ranks": [...]}}. */
  public static QueryRanks read(Path json) {
    try {
      JsonNode root = JSON.readTree(json.toFile());
      return new QueryRanks(intArray(root, "image_query_ranks", json), intArray(root, "caption_query_ranks", json));
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read the test ranks in " + json, e);
    }
  }

  /** Returns mR in percent over all queries: the mean of R@1, R@5 and R@10 in both directions. */
  public double meanRecall() {
    return meanRecall(identity(imageRanks.length), identity(captionRanks.length));
  }

  /**
   * Returns mR in percent over a sample of queries, given by index and possibly with repeats.
   * R@K of a direction is the share of sampled queries whose rank is below K.
   */
  public double meanRecall(int[] imageSample, int[] captionSample) {
    double sum = 0;
    for (int cutoff : RECALL_CUTOFFS) {
      sum += recallAt(imageRanks, imageSample, cutoff) + recallAt(captionRanks, captionSample, cutoff);
    }
    return sum / (2 * RECALL_CUTOFFS.length);
  }

  private static double recallAt(int[] ranks, int[] sample, int cutoff) {
    if (sample.length == 0) {
      return 0;
    }
    int hits = 0;
    for (int index : sample) {
      if (ranks[index] < cutoff) {
        hits++;
      }
    }
    return 100.0 * hits / sample.length;
  }

  private static int[] identity(int length) {
    int[] indices = new int[length];
    for (int i = 0; i < length; i++) {
      indices[i] = i;
    }
    return indices;
  }

  private static int[] intArray(JsonNode root, String field, Path json) throws IOException {
    JsonNode values = root.get(field);
    if (values == null || !values.isArray()) {
      throw new IOException("Invalid test ranks file " + json + ": '" + field + "' is missing or not a list");
    }
    int[] result = new int[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i).asInt();
    }
    return result;
  }
}
