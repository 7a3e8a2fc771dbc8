package io.rsitr.plugins.tc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.eval.TcLossReference;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

class TcLossGraphTest {

  /** 1e-6 relative, the float64 tolerance of the reference fixtures. */
  private static final Percentage RELATIVE_1E6 = withinPercentage(1e-4);

  /** Central-difference step on the logits. */
  private static final double STEP = 1e-6;

  /**
   * Central differences with a 1e-6 step have a truncation error near 1e-12 and a rounding error
   * near 1e-10 here, so 1e-6 leaves a wide margin.
   */
  private static final Offset<Double> GRADIENT_TOLERANCE = within(1e-6);

  /**
   * The fixture gives one logits/targets pair per case and a γ per direction. Both directions
   * apply the loss to that same pair, because the transposed pair misses the expected t2i values
   * by 1e-3 to 5e-2 relative.
   */
  @Test
  void graphMatchesFixtureLossCases() throws IOException {
    Path fixture = SharedFiles.require("fixtures/tc_loss_dev.json");
    JsonNode cases = new ObjectMapper().readTree(fixture.toFile()).get("loss_cases");
    assertThat(cases).as("loss_cases in " + fixture).isNotNull().isNotEmpty();
    SoftAssertions softly = new SoftAssertions();

    try (LossGraph graph = new LossGraph()) {
      for (int index = 0; index < cases.size(); index++) {
        JsonNode lossCase = cases.get(index);
        double[][] logits = matrix(lossCase.get("logits"));
        double[][] targets = matrix(lossCase.get("targets"));

        double i2t = graph.loss(logits, targets, lossCase.get("gamma_i2t").asDouble());
        double t2i = graph.loss(logits, targets, lossCase.get("gamma_t2i").asDouble());

        softly.assertThat(i2t).as("case %d i2t", index)
            .isCloseTo(lossCase.get("expected_loss_i2t").asDouble(), RELATIVE_1E6);
        softly.assertThat(t2i).as("case %d t2i", index)
            .isCloseTo(lossCase.get("expected_loss_t2i").asDouble(), RELATIVE_1E6);
      }
    }
    softly.assertAll();
  }

  @Test
  void graphMatchesReferenceOnRandomCases() {
    double[] gammas = {-1.0, -0.5, 0.0, 0.5, 2.0, 3.7};
    try (LossGraph graph = new LossGraph()) {
      for (double gamma : gammas) {
        double[][] logits = randomLogits(new Random(11), 6, 3.0);
        double[][] targets = softTargets(randomLogits(new Random(12), 6, 3.0), 0.6);

        assertThat(graph.loss(logits, targets, gamma)).as("loss for gamma %s", gamma)
            .isCloseTo(TcLossReference.loss(logits, targets, gamma), RELATIVE_1E6);
      }
    }
  }

  @Test
  void gradientMatchesCentralDifferencesForFocalGamma() {
    checkGradientAgainstCentralDifferences(2.0);
  }

  @Test
  void gradientMatchesCentralDifferencesForInverseFocalGamma() {
    checkGradientAgainstCentralDifferences(-0.5);
  }

  /**
   * Compares the graph's gradient with central differences of the reference, and checks that it
   * differs from the gradient with W held constant, so that a stop-gradient on the weight base
   * would fail this test.
   */
  private static void checkGradientAgainstCentralDifferences(double gamma) {
    double[][] logits = randomLogits(new Random(3), 4, 2.0);
    double[][] targets = softTargets(randomLogits(new Random(4), 4, 2.0), 0.5);

    double[][] graphGradient;
    try (LossGraph graph = new LossGraph()) {
      graphGradient = graph.gradient(logits, targets, gamma);
    }
    double[][] numericGradient = centralDifferences(logits, targets, gamma);
    double[][] constantWeightGradient = gradientWithConstantWeights(logits, targets, gamma);

    double largestWeightEffect = 0.0;
    for (int row = 0; row < logits.length; row++) {
      for (int column = 0; column < logits[row].length; column++) {
        assertThat(graphGradient[row][column])
            .as("dLoss/dLogits[%d][%d] for gamma %s", row, column, gamma)
            .isCloseTo(numericGradient[row][column], GRADIENT_TOLERANCE);
        largestWeightEffect = Math.max(largestWeightEffect,
            Math.abs(graphGradient[row][column] - constantWeightGradient[row][column]));
      }
    }
    assertThat(largestWeightEffect)
        .as("largest gradient change from the weight base for gamma %s", gamma)
        .isGreaterThan(1e-3);
  }

  private static double[][] centralDifferences(double[][] logits, double[][] targets, double gamma) {
    double[][] gradient = new double[logits.length][logits[0].length];
    for (int row = 0; row < logits.length; row++) {
      for (int column = 0; column < logits[row].length; column++) {
        double original = logits[row][column];
        logits[row][column] = original + STEP;
        double above = TcLossReference.loss(logits, targets, gamma);
        logits[row][column] = original - STEP;
        double below = TcLossReference.loss(logits, targets, gamma);
        logits[row][column] = original;
        gradient[row][column] = (above - below) / (2 * STEP);
      }
    }
    return gradient;
  }

  /**
   * Returns the gradient as if W were a constant: for row i,
   * {@code d/dL_ik = (p_ik·Σ_j W_ij − W_ik) / rows}.
   */
  private static double[][] gradientWithConstantWeights(double[][] logits, double[][] targets, double gamma) {
    int rows = logits.length;
    double[][] gradient = new double[rows][];
    for (int row = 0; row < rows; row++) {
      double[] probabilities = softmax(logits[row]);
      double[] weights = new double[probabilities.length];
      double weightSum = 0.0;
      for (int j = 0; j < probabilities.length; j++) {
        double base = Math.abs(targets[row][j] - Math.signum(gamma) * probabilities[j]);
        base = Math.min(TcLossGraph.WEIGHT_BASE_MAX, Math.max(TcLossGraph.WEIGHT_BASE_MIN, base));
        weights[j] = Math.pow(base, Math.abs(gamma)) * targets[row][j];
        weightSum += weights[j];
      }
      gradient[row] = new double[probabilities.length];
      for (int k = 0; k < probabilities.length; k++) {
        gradient[row][k] = (probabilities[k] * weightSum - weights[k]) / rows;
      }
    }
    return gradient;
  }

  static double[] softmax(double[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : row) {
      max = Math.max(max, value);
    }
    double[] result = new double[row.length];
    double sum = 0.0;
    for (int j = 0; j < row.length; j++) {
      result[j] = Math.exp(row[j] - max);
      sum += result[j];
    }
    for (int j = 0; j < row.length; j++) {
      result[j] /= sum;
    }
    return result;
  }

  private static double[][] randomLogits(Random random, int size, double spread) {
    double[][] logits = new double[size][size];
    for (double[] row : logits) {
      for (int column = 0; column < size; column++) {
        row[column] = spread * random.nextGaussian();
      }
    }
    return logits;
  }

  /** Returns {@code (1 − alpha)·softmax_rows(logits) + alpha·I}, rows summing to 1. */
  private static double[][] softTargets(double[][] logits, double alpha) {
    double[][] targets = new double[logits.length][];
    for (int row = 0; row < logits.length; row++) {
      targets[row] = softmax(logits[row]);
      for (int column = 0; column < targets[row].length; column++) {
        targets[row][column] *= 1.0 - alpha;
      }
      targets[row][row] += alpha;
    }
    return targets;
  }

  private static double[][] matrix(JsonNode node) {
    double[][] values = new double[node.size()][];
    for (int row = 0; row < node.size(); row++) {
      values[row] = new double[node.get(row).size()];
      for (int column = 0; column < values[row].length; column++) {
        values[row][column] = node.get(row).get(column).asDouble();
      }
    }
    return values;
  }

  /** The TC loss graph in float64 with its inputs as placeholders, and its gradient. */
  private static final class LossGraph implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Session session = new Session(graph);
    private final Placeholder<TFloat64> logits;
    private final Placeholder<TFloat64> targets;
    private final Placeholder<TFloat64> gamma;
    private final Operand<TFloat64> loss;
    private final Operand<TFloat64> logitsGradient;

    LossGraph() {
      Ops tf = Ops.create(graph);
      logits = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1)));
      targets = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1)));
      gamma = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.scalar()));
      loss = TcLossGraph.build(tf, logits, targets, gamma);
      logitsGradient = tf.gradients(loss, List.of(logits)).dy(0);
    }

    double loss(double[][] logitValues, double[][] targetValues, double gammaValue) {
      try (TFloat64 logitTensor = TFloat64.tensorOf(StdArrays.ndCopyOf(logitValues));
          TFloat64 targetTensor = TFloat64.tensorOf(StdArrays.ndCopyOf(targetValues));
          TFloat64 gammaTensor = TFloat64.scalarOf(gammaValue);
          Result result = session.runner().feed(logits, logitTensor).feed(targets, targetTensor)
              .feed(gamma, gammaTensor).fetch(loss).run()) {
        return ((TFloat64) result.get(0)).getDouble();
      }
    }

    double[][] gradient(double[][] logitValues, double[][] targetValues, double gammaValue) {
      try (TFloat64 logitTensor = TFloat64.tensorOf(StdArrays.ndCopyOf(logitValues));
          TFloat64 targetTensor = TFloat64.tensorOf(StdArrays.ndCopyOf(targetValues));
          TFloat64 gammaTensor = TFloat64.scalarOf(gammaValue);
          Result result = session.runner().feed(logits, logitTensor).feed(targets, targetTensor)
              .feed(gamma, gammaTensor).fetch(logitsGradient).run()) {
        return StdArrays.array2dCopyOf((TFloat64) result.get(0));
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }
}
