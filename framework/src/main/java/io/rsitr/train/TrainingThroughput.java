package io.rsitr.train;

import io.rsitr.data.pipeline.Batch;
import io.rsitr.plugin.Backbone;
import java.util.SplittableRandom;
import org.tensorflow.Session;

/**
 * Measures training steps per second of a training graph on one fixed batch, through the same
 * {@link StepRunner} that training uses: momentum update, forward, backward and AdamW.
 */
public final class TrainingThroughput {

  private TrainingThroughput() {}

  /**
   * Timing of the measured steps.
   *
   * @param seconds wall-clock time of the measured steps, warm-up excluded
   */
  public record Measurement(int steps, int batchSize, double seconds) {

    public double pairsPerSecond() {
      return steps * (double) batchSize / seconds;
    }
  }

  /**
   * Runs {@code warmupSteps} untimed steps, then times {@code steps} steps. The variables change, as in
   * training, so run this on a session whose weights are no longer needed.
   */
  public static Measurement measure(Session session, TrainingGraph graph, long seed, Batch batch, int warmupSteps,
      int steps, double learningRate) {
    StepRunner runner = new StepRunner(session, graph, seed);
    for (int step = 0; step < warmupSteps; step++) {
      runner.run(batch, step, learningRate);
    }
    long start = System.nanoTime();
    for (int step = warmupSteps; step < warmupSteps + steps; step++) {
      runner.run(batch, step, learningRate);
    }
    return new Measurement(steps, batch.size(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Returns a batch of standard-normal pixels and random captions. Each caption has a random length
   * and ends with the largest token id, which the text tower reads as the end of text.
   */
  public static Batch randomBatch(Backbone backbone, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int side = backbone.imageSize();
    float[] pixels = new float[size * side * side * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    int length = backbone.contextLength();
    int endOfText = backbone.vocabSize() - 1;
    int[] tokens = new int[size * length];
    for (int row = 0; row < size; row++) {
      int captionLength = random.nextInt(2, length + 1);
      for (int position = 0; position < captionLength - 1; position++) {
        tokens[row * length + position] = random.nextInt(1, endOfText);
      }
      tokens[row * length + captionLength - 1] = endOfText;
    }
    int[] indices = new int[size];
    for (int row = 0; row < size; row++) {
      indices[row] = row;
    }
    return new Batch(pixels, tokens, indices, indices);
  }
}
