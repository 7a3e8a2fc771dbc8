package io.rsitr.plugins.tc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rsitr.eval.TcLossReference;
import io.rsitr.plugin.ContrastiveInputs;
import io.rsitr.plugin.LossTerms;
import io.rsitr.plugin.StepFeeder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class TcLossTest {

  /** The graph runs in float32 on losses of 2 to 5, whose rounding error is far below 1e-5. */
  private static final Offset<Double> FLOAT32_TOLERANCE = within(1e-5);

  private static final int BATCH = 6;
  private static final int DIMENSION = 8;
  private static final float SCALE = 12.0f;
  private static final float BIAS = -0.5f;
  private static final double SOFT_ALPHA = 0.8;

  @Test
  void buildMatchesReferenceOfBothDirections() {
    Embeddings embeddings = Embeddings.random(new Random(5));
    TcLoss loss = (TcLoss) new TcLossFactory().create(TestParameters.of(new TcLossFactory(),
        Map.of("soft_alpha", SOFT_ALPHA, "gamma_i2t", 1.5, "gamma_t2i", -0.5)));

    Map<String, Double> values = runLoss(loss, embeddings);

    double expectedI2t = TcLossReference.loss(
        embeddings.logitsI2t(), embeddings.targetsI2t(SOFT_ALPHA), 1.5);
    double expectedT2i = TcLossReference.loss(
        embeddings.logitsT2i(), embeddings.targetsT2i(SOFT_ALPHA), -0.5);
    assertThat(values.get("loss_i2t")).as("loss_i2t").isCloseTo(expectedI2t, FLOAT32_TOLERANCE);
    assertThat(values.get("loss_t2i")).as("loss_t2i").isCloseTo(expectedT2i, FLOAT32_TOLERANCE);
    assertThat(values.get("total")).as("total")
        .isCloseTo(0.5 * (expectedI2t + expectedT2i), FLOAT32_TOLERANCE);
  }

  /**
   * After the listener moves γ, the next run of the unchanged graph must use the new values,
   * which here change each direction's loss by far more than the tolerance.
   */
  @Test
  void updatedGammaReachesPlaceholders() {
    Embeddings embeddings = Embeddings.random(new Random(6));
    TcLoss loss = (TcLoss) new TcLossFactory().create(TestParameters.of(new TcLossFactory(), Map.of()));
    TcGammaListener listener = loss.gammaListener();
    listener.onEpochEnd(1, SyntheticValidation.scores(7, true, false));
    float gammaI2t = (float) listener.gammaI2t();
    float gammaT2i = (float) listener.gammaT2i();

    Map<String, Double> values = runLoss(loss, embeddings);

    double[][] targetsI2t = embeddings.targetsI2t(0.9);
    double[][] targetsT2i = embeddings.targetsT2i(0.9);
    double expectedI2t = TcLossReference.loss(embeddings.logitsI2t(), targetsI2t, gammaI2t);
    double expectedT2i = TcLossReference.loss(embeddings.logitsT2i(), targetsT2i, gammaT2i);
    double initialI2t = TcLossReference.loss(embeddings.logitsI2t(), targetsI2t, 2.0);
    double initialT2i = TcLossReference.loss(embeddings.logitsT2i(), targetsT2i, 2.0);
    assertThat(Math.abs(expectedI2t - initialI2t)).as("i2t loss change from the new gamma").isGreaterThan(1e-4);
    assertThat(Math.abs(expectedT2i - initialT2i)).as("t2i loss change from the new gamma").isGreaterThan(1e-4);
    assertThat(values.get("loss_i2t")).as("loss_i2t").isCloseTo(expectedI2t, FLOAT32_TOLERANCE);
    assertThat(values.get("loss_t2i")).as("loss_t2i").isCloseTo(expectedT2i, FLOAT32_TOLERANCE);
  }

  @Test
  void listsGammaListenerAndUsesMomentum() {
    TcLoss loss = (TcLoss) new TcLossFactory().create(TestParameters.of(new TcLossFactory(), Map.of()));

    assertThat(loss.usesMomentum()).isTrue();
    assertThat(loss.epochListeners()).containsExactly(loss.gammaListener());
  }

  @Test
  void buildRejectsInputsWithoutMomentum() {
    TcLoss loss = (TcLoss) new TcLossFactory().create(TestParameters.of(new TcLossFactory(), Map.of()));
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> embedding = tf.constant(new float[][] {{1f, 0f}});
      ContrastiveInputs inputs = new ContrastiveInputs(
          embedding, embedding, null, null, tf.constant(1f), tf.constant(0f));

      assertThatThrownBy(() -> loss.build(tf, inputs))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("momentum embeddings");
    }
  }

  @Test
  void feedStepBeforeBuildIsRejected() {
    TcLoss loss = (TcLoss) new TcLossFactory().create(TestParameters.of(new TcLossFactory(), Map.of()));

    assertThatThrownBy(() -> loss.feedStep((placeholder, value) -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before build");
  }

  /** Builds the loss on placeholders, feeds the embeddings and γ, and returns total and terms. */
  private static Map<String, Double> runLoss(TcLoss loss, Embeddings embeddings) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image = matrixPlaceholder(tf);
      Placeholder<TFloat32> text = matrixPlaceholder(tf);
      Placeholder<TFloat32> imageMomentum = matrixPlaceholder(tf);
      Placeholder<TFloat32> textMomentum = matrixPlaceholder(tf);
      LossTerms terms = loss.build(tf, new ContrastiveInputs(
          image, text, imageMomentum, textMomentum, tf.constant(SCALE), tf.constant(BIAS)));

      try (TFloat32 imageTensor = TFloat32.tensorOf(StdArrays.ndCopyOf(embeddings.image));
          TFloat32 textTensor = TFloat32.tensorOf(StdArrays.ndCopyOf(embeddings.text));
          TFloat32 imageMomentumTensor = TFloat32.tensorOf(StdArrays.ndCopyOf(embeddings.imageMomentum));
          TFloat32 textMomentumTensor = TFloat32.tensorOf(StdArrays.ndCopyOf(embeddings.textMomentum));
          GammaFeeds gammas = new GammaFeeds()) {
        Session.Runner runner = session.runner()
            .feed(image, imageTensor).feed(text, textTensor)
            .feed(imageMomentum, imageMomentumTensor).feed(textMomentum, textMomentumTensor);
        loss.feedStep(gammas.into(runner));
        runner.fetch(terms.total()).fetch(terms.terms().get("loss_i2t")).fetch(terms.terms().get("loss_t2i"));
        try (Result result = runner.run()) {
          return Map.of(
              "total", (double) ((TFloat32) result.get(0)).getFloat(),
              "loss_i2t", (double) ((TFloat32) result.get(1)).getFloat(),
              "loss_t2i", (double) ((TFloat32) result.get(2)).getFloat());
        }
      }
    }
  }

  private static Placeholder<TFloat32> matrixPlaceholder(Ops tf) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, DIMENSION)));
  }

  /** Scalar tensors fed through a {@link StepFeeder}, closed together. */
  private static final class GammaFeeds implements AutoCloseable {

    private final List<TFloat32> tensors = new ArrayList<>();

    StepFeeder into(Session.Runner runner) {
      return (placeholder, value) -> {
        TFloat32 tensor = TFloat32.scalarOf(value);
        tensors.add(tensor);
        runner.feed(placeholder, tensor);
      };
    }

    @Override
    public void close() {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * Seeded L2-normalised online embeddings and momentum embeddings near them, with the logits and
   * soft targets that the method defines, computed in double from the same float values.
   */
  private record Embeddings(float[][] image, float[][] text, float[][] imageMomentum, float[][] textMomentum) {

    static Embeddings random(Random random) {
      float[][] image = normalisedRows(random, null);
      float[][] text = normalisedRows(random, null);
      return new Embeddings(image, text, normalisedRows(random, image), normalisedRows(random, text));
    }

    double[][] logitsI2t() {
      return similarity(image, textMomentum, BIAS);
    }

    double[][] logitsT2i() {
      return similarity(text, imageMomentum, BIAS);
    }

    double[][] targetsI2t(double alpha) {
      return softTargets(similarity(imageMomentum, textMomentum, 0.0), alpha);
    }

    double[][] targetsT2i(double alpha) {
      return softTargets(similarity(textMomentum, imageMomentum, 0.0), alpha);
    }

    /** Returns random unit rows, or unit rows near {@code centre} when it is given. */
    private static float[][] normalisedRows(Random random, float[][] centre) {
      float[][] rows = new float[BATCH][DIMENSION];
      for (int row = 0; row < BATCH; row++) {
        double norm = 0.0;
        double[] values = new double[DIMENSION];
        for (int column = 0; column < DIMENSION; column++) {
          double offset = centre == null ? 0.0 : centre[row][column];
          double noise = centre == null ? 1.0 : 0.2;
          values[column] = offset + noise * random.nextGaussian();
          norm += values[column] * values[column];
        }
        for (int column = 0; column < DIMENSION; column++) {
          rows[row][column] = (float) (values[column] / Math.sqrt(norm));
        }
      }
      return rows;
    }

    private static double[][] similarity(float[][] queries, float[][] keys, double bias) {
      double[][] result = new double[queries.length][keys.length];
      for (int query = 0; query < queries.length; query++) {
        for (int key = 0; key < keys.length; key++) {
          double dot = 0.0;
          for (int column = 0; column < DIMENSION; column++) {
            dot += (double) queries[query][column] * keys[key][column];
          }
          result[query][key] = SCALE * dot + bias;
        }
      }
      return result;
    }

    private static double[][] softTargets(double[][] momentumLogits, double alpha) {
      double[][] targets = new double[momentumLogits.length][];
      for (int row = 0; row < momentumLogits.length; row++) {
        targets[row] = TcLossGraphTest.softmax(momentumLogits[row]);
        for (int column = 0; column < targets[row].length; column++) {
          targets[row][column] *= 1.0 - alpha;
        }
        targets[row][row] += alpha;
      }
      return targets;
    }
  }
}
