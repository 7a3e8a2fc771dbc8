package io.rsitr.data.pipeline;

import io.rsitr.plugin.DataSplit;
import java.util.SplittableRandom;

/**
 * The pairs of one training epoch: every image once in a seeded random order, each with one of its
 * captions drawn uniformly at random. Only full batches are kept, so every step trains on B pairs.
 */
public final class EpochPlan {

  private final int[] imageOrder;
  private final int[] captionChoice;
  private final int batchSize;

  public EpochPlan(DataSplit split, int batchSize, long seed, int epoch) {
    if (split.numImages() < batchSize) {
      throw new IllegalArgumentException("the " + split.name() + " split has " + split.numImages()
          + " images, fewer than train.batch_size " + batchSize + "; lower the batch size");
    }
    SplittableRandom random = new SplittableRandom(mix(seed, epoch));
    int n = split.numImages();
    imageOrder = new int[n];
    for (int i = 0; i < n; i++) {
      imageOrder[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = imageOrder[i];
      imageOrder[i] = imageOrder[j];
      imageOrder[j] = swap;
    }
    captionChoice = new int[n];
    for (int i = 0; i < n; i++) {
      int[] captions = split.captionsOfImage(imageOrder[i]);
      captionChoice[i] = captions[random.nextInt(captions.length)];
    }
    this.batchSize = batchSize;
  }

  public int batches() {
    return imageOrder.length / batchSize;
  }

  public int batchSize() {
    return batchSize;
  }

  public int image(int batch, int position) {
    return imageOrder[batch * batchSize + position];
  }

  public int caption(int batch, int position) {
    return captionChoice[batch * batchSize + position];
  }

  /** Combines the run seed with other coordinates into one well-spread seed. */
  public static long mix(long seed, long... coordinates) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (long c : coordinates) {
      h = Long.rotateLeft(h ^ (c * 0xC2B2AE3D27D4EB4FL), 31) * 0x165667B19E3779F9L;
    }
    return h ^ (h >>> 29);
  }
}
