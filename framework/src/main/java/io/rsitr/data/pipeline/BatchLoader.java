package io.rsitr.data.pipeline;

import io.rsitr.plugin.DataSplit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes and augments training batches on background threads, keeping up to {@code prefetch}
 * batches ready.
 *
 * <p>Each sample's augmentation draws from a generator seeded by (run seed, epoch, position in the
 * epoch), so batches are identical for the same seed whatever the thread timing.
 */
public final class BatchLoader implements AutoCloseable {

  private final DataSplit split;
  private final ImagePreprocessor images;
  private final CaptionEncoder captions;
  private final int contextLength;
  private final long seed;
  private final int prefetch;
  private final ExecutorService workers;

  public BatchLoader(DataSplit split, ImagePreprocessor images, CaptionEncoder captions, int contextLength,
      long seed, int workerThreads, int prefetch) {
    this.split = split;
    this.images = images;
    this.captions = captions;
    this.contextLength = contextLength;
    this.seed = seed;
    this.prefetch = Math.max(1, prefetch);
    AtomicInteger counter = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(Math.max(1, workerThreads), runnable -> {
      Thread thread = new Thread(runnable, "rsitr-batch-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Iterates the batches of one epoch from {@code firstBatch} on, loading ahead in the background. */
  public EpochBatches epoch(EpochPlan plan, int epoch, int firstBatch) {
    return new EpochBatches(plan, epoch, firstBatch);
  }

  /** Builds one batch on the calling thread. */
  public Batch load(EpochPlan plan, int epoch, int batch) {
    int size = plan.batchSize();
    int pixelsPerImage = images.size() * images.size() * 3;
    float[] pixels = new float[size * pixelsPerImage];
    int[] tokens = new int[size * contextLength];
    int[] imageIndices = new int[size];
    int[] captionIndices = new int[size];
    for (int b = 0; b < size; b++) {
      int image = plan.image(batch, b);
      int caption = plan.caption(batch, b);
      SplittableRandom random = new SplittableRandom(EpochPlan.mix(seed, epoch, (long) batch * size + b));
      System.arraycopy(images.train(split.loadImage(image), random), 0, pixels, b * pixelsPerImage, pixelsPerImage);
      System.arraycopy(encodeCaption(caption), 0, tokens, b * contextLength, contextLength);
      imageIndices[b] = image;
      captionIndices[b] = caption;
    }
    return new Batch(pixels, tokens, imageIndices, captionIndices);
  }

  private int[] encodeCaption(int caption) {
    try {
      return captions.encode(split.caption(caption));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("caption " + caption + " of image "
          + split.imageId(split.imageOfCaption(caption)) + " in the " + split.name() + " split: " + e.getMessage()
          + "; fix or remove it in the annotation file", e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** The batches of one epoch, in order. */
  public final class EpochBatches {

    private final EpochPlan plan;
    private final int epoch;
    private final Deque<Future<Batch>> pending = new ArrayDeque<>();
    private int nextToSubmit;
    private int nextToTake;

    private EpochBatches(EpochPlan plan, int epoch, int firstBatch) {
      this.plan = plan;
      this.epoch = epoch;
      this.nextToSubmit = firstBatch;
      this.nextToTake = firstBatch;
      fill();
    }

    public boolean hasNext() {
      return nextToTake < plan.batches();
    }

    /** Returns the next batch, waiting for it if the workers have not finished it yet. */
    public Batch next() {
      Future<Batch> future = pending.removeFirst();
      nextToTake++;
      fill();
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a training batch", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("loading a training batch failed: " + cause, cause);
      }
    }

    private void fill() {
      while (pending.size() < prefetch && nextToSubmit < plan.batches()) {
        int batch = nextToSubmit++;
        pending.addLast(workers.submit(() -> load(plan, epoch, batch)));
      }
    }
  }
}
