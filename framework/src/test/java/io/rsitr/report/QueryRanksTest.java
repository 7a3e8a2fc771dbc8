package io.rsitr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryRanksTest {

  @TempDir Path temp;

  @Test
  void meanRecallAveragesSixRecalls() {
    // Image queries: R@1 = 25, R@5 = 50, R@10 = 75. Caption queries: R@1 = 50, R@5 = 50, R@10 = 100.
    QueryRanks ranks = new QueryRanks(new int[] {0, 3, 7, 12}, new int[] {0, 9});

    assertThat(ranks.meanRecall()).as("mR in percent").isCloseTo((25 + 50 + 75 + 50 + 50 + 100) / 6.0, within(1e-9));
  }

  @Test
  void sampleWithRepeatsCountsEachDraw() {
    QueryRanks ranks = new QueryRanks(new int[] {0, 20}, new int[] {0, 20});

    double meanRecall = ranks.meanRecall(new int[] {0, 0, 0, 1}, new int[] {1});

    assertThat(meanRecall).as("three of four image draws hit, no caption draw hits").isCloseTo(37.5, within(1e-9));
  }

  @Test
  void readsTestRanksJson() throws Exception {
    Path file = temp.resolve("test_ranks.json");
    Files.writeString(file, "{\"image_query_ranks\": [0, 4], \"caption_query_ranks\": [1, 0, 11]}");

    QueryRanks ranks = QueryRanks.read(file);

    assertThat(ranks.imageRanks()).containsExactly(0, 4);
    assertThat(ranks.captionRanks()).containsExactly(1, 0, 11);
  }

  @Test
  void missingFieldIsReported() throws Exception {
    Path file = temp.resolve("test_ranks.json");
    Files.writeString(file, "{\"image_query_ranks\": [0]}");

    assertThatThrownBy(() -> QueryRanks.read(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString())
        .hasRootCauseMessage("Invalid test ranks file " + file + ": 'caption_query_ranks' is missing or not a list");
  }
}
