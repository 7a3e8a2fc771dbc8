package io.rsitr.train;

import io.rsitr.data.pipeline.CaptionEncoder;
import io.rsitr.data.pipeline.ImagePreprocessor;
import io.rsitr.eval.SplitEmbeddings;
import io.rsitr.plugin.DataSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.tensorflow.Session;

/**
 * Encodes every image and caption of a split with the online encoders, in evaluation mode (no
 * dropout), decoding images on worker threads while the previous chunk runs in the session.
 */
public final class SplitEncoder {

  private final EncoderGraph graph;
  private final EvaluationRuns runs;
  private final ImagePreprocessor images;
  private final CaptionEncoder captions;
  private final int batchSize;
  private final ExecutorService workers;

  public SplitEncoder(Session session, EncoderGraph graph, ImagePreprocessor images, CaptionEncoder captions,
      int batchSize, ExecutorService workers) {
    this.graph = graph;
    this.runs = new EvaluationRuns(session, graph, null);
    this.images = images;
    this.captions = captions;
    this.batchSize = batchSize;
    this.workers = workers;
  }

  /**
   * Encodes a split.
   *
   * @param withLocalTokens also keep every image's local tokens, for re-ranking by an interaction
   */
  public SplitEmbeddings encode(DataSplit split, boolean withLocalTokens) {
    float[][] imageLocalTokens = withLocalTokens ? new float[split.numImages()][] : null;
    float[][] imageEmbeddings = encodeImages(split, imageLocalTokens);
    int[][] captionTokens = new int[split.numCaptions()][];
    float[][] captionEmbeddings = encodeCaptions(split, captionTokens);
    float[] scaleAndBias = runs.scaleAndBias();
    return new SplitEmbeddings(imageEmbeddings, captionEmbeddings, scaleAndBias[0], scaleAndBias[1],
        imageLocalTokens, captionTokens);
  }

  private float[][] encodeImages(DataSplit split, float[][] localTokens) {
    int n = split.numImages();
    int size = images.size();
    int perImage = size * size * 3;
    float[][] result = new float[n][];
    // Decoding runs at most two chunks ahead of the session so memory stays bounded on large splits.
    List<Future<float[]>> pending = new ArrayList<>();
    int submitted = 0;
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      while (submitted < Math.min(n, start + 2 * batchSize)) {
        int index = submitted++;
        pending.add(workers.submit(() -> images.eval(split.loadImage(index))));
      }
      float[] pixels = new float[count * perImage];
      for (int b = 0; b < count; b++) {
        System.arraycopy(await(pending.get(start + b), split, start + b), 0, pixels, b * perImage, perImage);
        pending.set(start + b, null);
      }
      runs.encodeImages(pixels, count, result, localTokens, start);
    }
    return result;
  }

  private float[][] encodeCaptions(DataSplit split, int[][] captionTokens) {
    int n = split.numCaptions();
    int length = graph.backbone().contextLength();
    float[][] result = new float[n][];
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      int[] tokens = new int[count * length];
      for (int b = 0; b < count; b++) {
        captionTokens[start + b] = encodeCaption(split, start + b);
        System.arraycopy(captionTokens[start + b], 0, tokens, b * length, length);
      }
      runs.encodeTexts(tokens, count, result, start);
    }
    return result;
  }

  private int[] encodeCaption(DataSplit split, int caption) {
    try {
      return captions.encode(split.caption(caption));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("caption " + caption + " of image "
          + split.imageId(split.imageOfCaption(caption)) + " in the " + split.name() + " split: " + e.getMessage(), e);
    }
  }

  private static float[] await(Future<float[]> future, DataSplit split, int index) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding images", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot load image " + split.imageId(index) + " of the " + split.name()
          + " split: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
