package io.rsitr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads nested JSON arrays of the reference fixtures and compares outputs with them. */
public final class FixtureArrays {

  private FixtureArrays() {}

  /** Converts a {@code [N, 3, H, W]} array (PyTorch's layout) into flat NHWC floats. */
  public static float[] nchwToNhwc(JsonNode pixels) {
    int images = pixels.size();
    int size = pixels.get(0).get(0).size();
    float[] nhwc = new float[images * size * size * 3];
    for (int n = 0; n < images; n++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            nhwc[((n * size + y) * size + x) * 3 + c] = (float) pixels.get(n).get(c).get(y).get(x).asDouble();
          }
        }
      }
    }
    return nhwc;
  }

  /** Returns a nested array's numbers in row-major order. */
  public static double[] flatten(JsonNode node) {
    List<Double> values = new ArrayList<>();
    collect(node, values);
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Asserts that the largest absolute difference is at most {@code tolerance}; NaN always fails. */
  public static void assertClose(String name, float[] actual, double[] reference, double tolerance) {
    assertThat(actual.length).as("%s element count", name).isEqualTo(reference.length);
    double worst = 0;
    int worstIndex = -1;
    for (int i = 0; i < actual.length; i++) {
      double difference = Math.abs(actual[i] - reference[i]);
      if (Double.isNaN(difference)) {
        difference = Double.POSITIVE_INFINITY;
      }
      if (difference > worst) {
        worst = difference;
        worstIndex = i;
      }
    }
    assertThat(worst).as("%s: largest absolute difference (at flat index %d)", name, worstIndex)
        .isLessThanOrEqualTo(tolerance);
  }

  private static void collect(JsonNode node, List<Double> values) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, values));
    } else {
      values.add(node.asDouble());
    }
  }
}
