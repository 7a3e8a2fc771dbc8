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
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Encodes every image and caption of a split with the online encoders, in evaluation mode (no
 * dropout), decoding images on worker threads while the previous chunk runs in the session.
 */
public final class SplitEncoder {

  private final Session session;
  private final EncoderGraph graph;
  private final ImagePreprocessor images;
  private final CaptionEncoder captions;
  private final int batchSize;
  private final ExecutorService workers;

  public SplitEncoder(Session session, EncoderGraph graph, ImagePreprocessor images, CaptionEncoder captions,
      int batchSize, ExecutorService workers) {
    this.session = session;
    this.graph = graph;
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
    float[] scaleAndBias = scaleAndBias();
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
      try (TFloat32 input = TFloat32.tensorOf(Shape.of(count, size, size, 3), DataBuffers.of(pixels, true, false));
          TFloat32 training = TFloat32.scalarOf(0f);
          TInt64 seed = TInt64.vectorOf(0L, 0L)) {
        Session.Runner runner = session.runner()
            .feed(graph.pixels(), input)
            .feed(graph.trainingFlag(), training)
            .feed(graph.stepSeed(), seed)
            .fetch(graph.image().embedding());
        if (localTokens != null) {
          runner.fetch(graph.image().localTokens());
        }
        try (Result out = runner.run()) {
          copyRows((TFloat32) out.get(0), result, start, count);
          if (localTokens != null) {
            copyRows((TFloat32) out.get(1), localTokens, start, count);
          }
        }
      }
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
      try (TInt32 input = TInt32.tensorOf(Shape.of(count, length), DataBuffers.of(tokens, true, false));
          TFloat32 training = TFloat32.scalarOf(0f);
          TInt64 seed = TInt64.vectorOf(0L, 0L);
          Result out = session.runner()
              .feed(graph.tokens(), input)
              .feed(graph.trainingFlag(), training)
              .feed(graph.stepSeed(), seed)
              .fetch(graph.text().embedding())
              .run()) {
        copyRows((TFloat32) out.get(0), result, start, count);
      }
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

  private float[] scaleAndBias() {
    try (Result out = session.runner().fetch(graph.scale()).fetch(graph.bias()).run()) {
      return new float[] {((TFloat32) out.get(0)).getFloat(), ((TFloat32) out.get(1)).getFloat()};
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

  /** Copies the rows of a {@code [count, ...]} tensor, each flattened, into {@code target[start..]}. */
  static void copyRows(TFloat32 tensor, float[][] target, int start, int count) {
    int width = (int) (tensor.shape().size() / count);
    float[] flat = new float[count * width];
    tensor.asRawTensor().data().asFloats().read(flat);
    for (int b = 0; b < count; b++) {
      float[] row = new float[width];
      System.arraycopy(flat, b * width, row, 0, width);
      target[start + b] = row;
    }
  }
}
