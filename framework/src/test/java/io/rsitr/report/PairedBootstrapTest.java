package io.rsitr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

  private final PairedBootstrap bootstrap = new PairedBootstrap(1000, 7L);

  @Test
  void identicalRunsGiveZeroInterval() {
    QueryRanks ranks = randomRanks(new Random(1), 40, 200);
    CellGroup cell = group("loss.name=tc", run("loss.name=tc", 1, ranks), run("loss.name=tc", 2, ranks));
    CellGroup baseline = group("loss.name=infonce", run("loss.name=infonce", 1, ranks),
        run("loss.name=infonce", 2, ranks));

    BootstrapInterval interval = bootstrap.meanRecallDifference(cell, baseline).orElseThrow();

    assertThat(interval.estimate()).as("difference on all queries").isEqualTo(0.0);
    assertThat(interval.lower()).as("2.5th percentile").isEqualTo(0.0);
    assertThat(interval.upper()).as("97.5th percentile").isEqualTo(0.0);
    assertThat(interval.pairs()).as("seed pairs").isEqualTo(2);
    assertThat(interval.excludesZero()).isFalse();
  }

  @Test
  void runBetterOnEveryQueryIsAboveZero() {
    QueryRanks better = new QueryRanks(new int[30], new int[150]);
    QueryRanks baselineRanks = shiftedBelowTop(randomRanks(new Random(2), 30, 150));

    CellGroup cell = group("a", run("a", 1, better));
    CellGroup baseline = group("b", run("b", 1, baselineRanks));
    BootstrapInterval interval = bootstrap.meanRecallDifference(cell, baseline).orElseThrow();

    assertThat(interval.lower()).as("lower bound when the cell ranks every query first").isGreaterThan(0.0);
    assertThat(interval.upper()).as("upper bound").isGreaterThanOrEqualTo(interval.lower());
    assertThat(interval.estimate())
        .as("estimate equals the full-sample mR difference")
        .isCloseTo(better.meanRecall() - baselineRanks.meanRecall(), within(1e-9));
    assertThat(interval.excludesZero()).isTrue();
  }

  @Test
  void worseRunIsBelowZero() {
    QueryRanks top = new QueryRanks(new int[20], new int[100]);
    QueryRanks bottom = new QueryRanks(filled(20, 50), filled(100, 50));

    BootstrapInterval interval = bootstrap
        .meanRecallDifference(group("a", run("a", 3, bottom)), group("b", run("b", 3, top)))
        .orElseThrow();

    assertThat(interval.estimate()).as("every query lost all recall").isEqualTo(-100.0);
    assertThat(interval.lower()).isEqualTo(-100.0);
    assertThat(interval.upper()).isEqualTo(-100.0);
  }

  @Test
  void intervalContainsEstimateForMixedRuns() {
    Random random = new Random(3);
    QueryRanks first = randomRanks(random, 60, 300);
    QueryRanks second = randomRanks(random, 60, 300);

    BootstrapInterval interval = bootstrap
        .meanRecallDifference(group("a", run("a", 1, first)), group("b", run("b", 1, second)))
        .orElseThrow();

    assertThat(interval.lower()).as("lower bound").isLessThanOrEqualTo(interval.estimate());
    assertThat(interval.upper()).as("upper bound").isGreaterThanOrEqualTo(interval.estimate());
    assertThat(interval.upper() - interval.lower()).as("width of the interval").isGreaterThan(0.0);
  }

  @Test
  void sameSeedGivesSameInterval() {
    Random random = new Random(4);
    CellGroup cell = group("a", run("a", 1, randomRanks(random, 50, 250)));
    CellGroup baseline = group("b", run("b", 1, randomRanks(random, 50, 250)));

    BootstrapInterval first = new PairedBootstrap(500, 11L).meanRecallDifference(cell, baseline).orElseThrow();
    BootstrapInterval second = new PairedBootstrap(500, 11L).meanRecallDifference(cell, baseline).orElseThrow();

    assertThat(second).as("interval with the same bootstrap seed").isEqualTo(first);
  }

  @Test
  void groupsWithoutSharedSeedHaveNoInterval() {
    QueryRanks ranks = new QueryRanks(new int[5], new int[25]);

    Optional<BootstrapInterval> interval =
        bootstrap.meanRecallDifference(group("a", run("a", 1, ranks)), group("b", run("b", 2, ranks)));

    assertThat(interval).as("interval without a seed pair").isEmpty();
  }

  @Test
  void differentQueryCountsAreRejected() {
    CellGroup cell = group("a", run("a", 1, new QueryRanks(new int[5], new int[25])));
    CellGroup baseline = group("b", run("b", 1, new QueryRanks(new int[6], new int[30])));

    assertThatThrownBy(() -> bootstrap.meanRecallDifference(cell, baseline))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different query counts")
        .hasMessageContaining("5/25")
        .hasMessageContaining("6/30");
  }

  /** Moves every query down one place, so none is ranked first. */
  private static QueryRanks shiftedBelowTop(QueryRanks ranks) {
    int[] images = ranks.imageRanks();
    int[] captions = ranks.captionRanks();
    for (int i = 0; i < images.length; i++) {
      images[i] = images[i] + 1;
    }
    for (int i = 0; i < captions.length; i++) {
      captions[i] = captions[i] + 1;
    }
    return new QueryRanks(images, captions);
  }

  private static QueryRanks randomRanks(Random random, int images, int captions) {
    int[] imageRanks = new int[images];
    int[] captionRanks = new int[captions];
    for (int i = 0; i < images; i++) {
      imageRanks[i] = random.nextInt(20);
    }
    for (int i = 0; i < captions; i++) {
      captionRanks[i] = random.nextInt(20);
    }
    return new QueryRanks(imageRanks, captionRanks);
  }

  private static int[] filled(int length, int value) {
    int[] values = new int[length];
    Arrays.fill(values, value);
    return values;
  }

  private static CellResult run(String groupLabel, long seed, QueryRanks ranks) {
    return new CellResult(groupLabel + ",seed=" + seed, groupLabel, seed, "run-" + groupLabel + "-" + seed,
        Map.of("mr", ranks.meanRecall()), ranks);
  }

  private static CellGroup group(String label, CellResult... runs) {
    return new CellGroup(label, List.of(runs));
  }
}
