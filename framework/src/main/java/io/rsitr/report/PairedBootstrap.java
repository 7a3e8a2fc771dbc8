package io.rsitr.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * A 95 % paired bootstrap interval of the mR difference between a cell group and the baseline
 * group.
 *
 * <p>Runs are paired by seed, so both runs of a pair were trained and tested alike except for the
 * ablated values. Each resample draws the test queries of every pair with replacement, the same
 * draw for both runs of the pair, and recomputes both mR values from the per-query ranks. The
 * resampled difference is the mean over pairs of (cell mR − baseline mR).
 */
public final class PairedBootstrap {

  public static final int DEFAULT_RESAMPLES = 1000;
  public static final long DEFAULT_SEED = 20_240_601L;

  private final int resamples;
  private final long seed;

  public PairedBootstrap(int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
    this.resamples = resamples;
    this.seed = seed;
  }

  /** Returns the interval, or empty when the two groups share no seed. */
  public Optional<BootstrapInterval> meanRecallDifference(CellGroup cell, CellGroup baseline) {
    List<CellResult[]> pairs = pairBySeed(cell, baseline);
    if (pairs.isEmpty()) {
      return Optional.empty();
    }
    double estimate = 0;
    for (CellResult[] pair : pairs) {
      estimate += pair[0].ranks().meanRecall() - pair[1].ranks().meanRecall();
    }
    estimate /= pairs.size();

    double[] differences = resampledDifferences(pairs);
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(differences);
    return Optional.of(new BootstrapInterval(estimate, percentile.evaluate(2.5), percentile.evaluate(97.5),
        pairs.size()));
  }

  private double[] resampledDifferences(List<CellResult[]> pairs) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] differences = new double[resamples];
    for (int resample = 0; resample < resamples; resample++) {
      double sum = 0;
      for (CellResult[] pair : pairs) {
        QueryRanks cellRanks = pair[0].ranks();
        QueryRanks baselineRanks = pair[1].ranks();
        int[] images = draw(random, cellRanks.imageRanks().length);
        int[] captions = draw(random, cellRanks.captionRanks().length);
        sum += cellRanks.meanRecall(images, captions) - baselineRanks.meanRecall(images, captions);
      }
      differences[resample] = sum / pairs.size();
    }
    return differences;
  }

  private static List<CellResult[]> pairBySeed(CellGroup cell, CellGroup baseline) {
    List<CellResult[]> pairs = new ArrayList<>();
    for (CellResult run : cell.runs()) {
      Optional<CellResult> partner = baseline.runWithSeed(run.seed());
      if (partner.isEmpty()) {
        continue;
      }
      requireSameQueries(run, partner.get());
      pairs.add(new CellResult[] {run, partner.get()});
    }
    return pairs;
  }

  private static void requireSameQueries(CellResult run, CellResult baseline) {
    QueryRanks a = run.ranks();
    QueryRanks b = baseline.ranks();
    if (a.imageRanks().length != b.imageRanks().length || a.captionRanks().length != b.captionRanks().length) {
      throw new IllegalArgumentException("Runs " + run.runId() + " and " + baseline.runId() + " (seed " + run.seed()
          + ") were tested on different query counts (" + a.imageRanks().length + "/" + a.captionRanks().length
          + " and " + b.imageRanks().length + "/" + b.captionRanks().length + " image/caption queries), so they "
          + "cannot be compared query by query; vary only settings that keep the test split");
    }
  }

  private static int[] draw(SplittableRandom random, int count) {
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = random.nextInt(count);
    }
    return indices;
  }
}
