package io.rsitr.bench;

import io.rsitr.data.pipeline.BatchLoader;
import io.rsitr.data.pipeline.EpochPlan;
import io.rsitr.plugin.DataSplit;

/**
 * Measures how many training images per second the batch loader decodes and augments, with no
 * training step consuming the batches.
 */
final class PipelineThroughput {

  private PipelineThroughput() {}

  /**
   * Timing of the loaded batches.
   *
   * @param batches batches timed, after the first one, which includes starting the workers
   */
  record Measurement(int batches, int batchSize, double seconds) {

    double imagesPerSecond() {
      return batches * (double) batchSize / seconds;
    }
  }

  /**
   * Loads up to {@code batches + 1} batches of epoch 0 of {@code split} and times all but the first.
   *
   * @throws IllegalArgumentException when the split has fewer than two full batches
   */
  static Measurement measure(BatchLoader loader, DataSplit split, int batchSize, long seed, int batches) {
    EpochPlan plan = new EpochPlan(split, batchSize, seed, 0);
    int timed = Math.min(batches, plan.batches() - 1);
    if (timed < 1) {
      throw new IllegalArgumentException("the train split has " + split.numImages() + " images, fewer than two"
          + " batches of " + batchSize + "; the pipeline needs more images, or pass --no-pipeline");
    }
    BatchLoader.EpochBatches epoch = loader.epoch(plan, 0, 0);
    epoch.next();
    long start = System.nanoTime();
    for (int batch = 0; batch < timed; batch++) {
      epoch.next();
    }
    return new Measurement(timed, batchSize, (System.nanoTime() - start) / 1e9);
  }
}
