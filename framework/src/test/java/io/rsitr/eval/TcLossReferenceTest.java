package io.rsitr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class TcLossReferenceTest {

  /** 1e-6 relative, the float64 tolerance for reference fixtures. */
  private static final Percentage RELATIVE_1E6 = withinPercentage(1e-4);

  private static final double LOG_QUARTER = Math.log(0.25);
  private static final double LOG_THREE_QUARTERS = Math.log(0.75);

  /** Logits whose softmax is (0.25, 0.75), against targets (0.5, 0.5). */
  private static final double[][] LOGITS = {{0.0, Math.log(3.0)}};
  private static final double[][] TARGETS = {{0.5, 0.5}};

  /**
   * Each fixture case has one logits/targets pair and a γ per direction. Both directions apply
   * the loss to the same pair, not transposed, because the transposed pair does not reproduce
   * the expected values.
   */
  @Test
  void matchesReferenceLossCases() throws IOException {
    Path fixture = SharedFiles.require("fixtures/tc_loss_dev.json");
    JsonNode cases = new ObjectMapper().readTree(fixture.toFile()).get("loss_cases");
    assertThat(cases).as("loss_cases in " + fixture).isNotNull().isNotEmpty();
    SoftAssertions softly = new SoftAssertions();

    for (int index = 0; index < cases.size(); index++) {
      JsonNode lossCase = cases.get(index);
      double[][] logits = matrix(lossCase.get("logits"));
      double[][] targets = matrix(lossCase.get("targets"));

      double i2t = TcLossReference.loss(logits, targets, lossCase.get("gamma_i2t").asDouble());
      double t2i = TcLossReference.loss(logits, targets, lossCase.get("gamma_t2i").asDouble());

      softly.assertThat(i2t).as("case " + index + " i2t")
          .isCloseTo(lossCase.get("expected_loss_i2t").asDouble(), RELATIVE_1E6);
      softly.assertThat(t2i).as("case " + index + " t2i")
          .isCloseTo(lossCase.get("expected_loss_t2i").asDouble(), RELATIVE_1E6);
    }
    softly.assertAll();
  }

  @Test
  void zeroGammaIsSoftTargetCrossEntropy() {
    double expected = -(0.5 * LOG_QUARTER + 0.5 * LOG_THREE_QUARTERS);

    assertThat(TcLossReference.loss(LOGITS, TARGETS, 0.0)).isCloseTo(expected, RELATIVE_1E6);
  }

  @Test
  void positiveGammaDownWeightsByDistanceToTarget() {
    // q = p, |Y - q| = (0.25, 0.25), so W = 0.25 * Y.
    double expected = -(0.125 * LOG_QUARTER + 0.125 * LOG_THREE_QUARTERS);

    assertThat(TcLossReference.loss(LOGITS, TARGETS, 1.0)).isCloseTo(expected, RELATIVE_1E6);
  }

  @Test
  void negativeGammaWeighsBySumWithProbability() {
    // q = -p, |Y - q| = (0.75, 1.25), so W = (0.375, 0.625).
    double expected = -(0.375 * LOG_QUARTER + 0.625 * LOG_THREE_QUARTERS);

    assertThat(TcLossReference.loss(LOGITS, TARGETS, -1.0)).isCloseTo(expected, RELATIVE_1E6);
  }

  @Test
  void weightBaseIsClampedFromBelow() {
    // Targets equal to the prediction give |Y - q| = 0, clamped to 1e-5, so W = 1e-5 * Y.
    double[][] targets = {{0.25, 0.75}};
    double crossEntropy = -(0.25 * LOG_QUARTER + 0.75 * LOG_THREE_QUARTERS);

    assertThat(TcLossReference.loss(LOGITS, targets, 1.0))
        .isCloseTo(1e-5 * crossEntropy, RELATIVE_1E6);
  }

  @Test
  void rejectsMismatchedShapes() {
    assertThatThrownBy(() -> TcLossReference.loss(LOGITS, new double[][] {{0.5, 0.25, 0.25}}, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targets row 0");
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
}
