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

  public SplitEmbeddings encode(DataSplit split) {
    float[][] imageEmbeddings = encodeImages(split);
    float[][] captionEmbeddings = encodeCaptions(split);
    float[] scaleAndBias = scaleAndBias();
    return new SplitEmbeddings(imageEmbeddings, captionEmbeddings, scaleAndBias[0], scaleAndBias[1]);
  }

  private float[][] encodeImages(DataSplit split) {
    int n = split.numImages();
    int size = images.size();
    int perImage = size * size * 3;
    float[][] result = new float[n][];
    List<Future<float[]>> pending = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      pending.add(workers.submit(() -> images.eval(split.loadImage(index))));
    }
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      float[] pixels = new float[count * perImage];
      for (int b = 0; b < count; b++) {
        System.arraycopy(await(pending.get(start + b), split, start + b), 0, pixels, b * perImage, perImage);
      }
      try (TFloat32 input = TFloat32.tensorOf(Shape.of(count, size, size, 3), DataBuffers.of(pixels, true, false));
          TFloat32 training = TFloat32.scalarOf(0f);
          TInt64 seed = TInt64.vectorOf(0L, 0L);
          Result out = session.runner()
              .feed(graph.pixels(), input)
              .feed(graph.trainingFlag(), training)
              .feed(graph.stepSeed(), seed)
              .fetch(graph.image().embedding())
              .run()) {
        copyRows((TFloat32) out.get(0), result, start, count);
      }
    }
    return result;
  }

  private float[][] encodeCaptions(DataSplit split) {
    int n = split.numCaptions();
    int length = graph.backbone().contextLength();
    float[][] result = new float[n][];
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      int[] tokens = new int[count * length];
      for (int b = 0; b < count; b++) {
        System.arraycopy(encodeCaption(split, start + b), 0, tokens, b * length, length);
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

  static void copyRows(TFloat32 tensor, float[][] target, int start, int count) {
    int width = (int) tensor.shape().get(1);
    float[] flat = new float[count * width];
    tensor.asRawTensor().data().asFloats().read(flat);
    for (int b = 0; b < count; b++) {
      float[] row = new float[width];
      System.arraycopy(flat, b * width, row, 0, width);
      target[start + b] = row;
    }
  }
}
