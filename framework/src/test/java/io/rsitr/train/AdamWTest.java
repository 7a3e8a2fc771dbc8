package io.rsitr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rsitr.nn.ImportLayout;
import io.rsitr.nn.Initializer;
import io.rsitr.nn.ModelParameter;
import io.rsitr.nn.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class AdamWTest {

  /** Plain-Java AdamW exactly as PyTorch defines it, the reference for the graph version. */
  private static double[] referenceSteps(double p, double[] gradients, double[] rates, AdamWSettings s) {
    double m = 0;
    double v = 0;
    double[] values = new double[gradients.length];
    for (int t = 1; t <= gradients.length; t++) {
      double g = gradients[t - 1];
      double lr = rates[t - 1];
      p = p * (1 - lr * s.weightDecay());
      m = s.beta1() * m + (1 - s.beta1()) * g;
      v = s.beta2() * v + (1 - s.beta2()) * g * g;
      double mHat = m / (1 - Math.pow(s.beta1(), t));
      double vHat = v / (1 - Math.pow(s.beta2(), t));
      p = p - lr * mHat / (Math.sqrt(vHat) + s.epsilon());
      values[t - 1] = p;
    }
    return values;
  }

  @Test
  void matchesPyTorchDefinitionOverThreeSteps() {
    AdamWSettings settings = new AdamWSettings(0.9, 0.98, 1e-8, 0.04);
    double[] rates = {1e-2, 5e-3, 2e-2};
    double[] gradients = {0.3, 0.3, 0.3};
    double[] expected = referenceSteps(1.5, gradients, rates, settings);

    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ParameterStore store = ParameterStore.online(tf, 1);
      Operand<TFloat32> w = store.parameter("w", new long[] {1}, ImportLayout.IDENTITY, Initializer.constant(1.5));
      ModelParameter parameter = store.get("w");
      // The loss 0.3·w has the constant gradient 0.3.
      Operand<TFloat32> gradient = tf.math.mul(tf.onesLike(w), tf.constant(0.3f));
      AdamW adamW = new AdamW(tf, List.of(parameter), List.of(gradient), settings);
      try (Session session = new Session(graph)) {
        session.initialize();
        for (int step = 0; step < 3; step++) {
          try (TFloat32 lr = TFloat32.scalarOf((float) rates[step]);
              TFloat32 t = TFloat32.scalarOf(step + 1f)) {
            session.runner().feed(adamW.learningRate(), lr).feed(adamW.step(), t).addTarget(adamW.update()).run()
                .close();
          }
          try (Result result = session.runner().fetch(parameter.value()).run()) {
            float value = ((TFloat32) result.get(0)).getFloat(0);
            assertThat((double) value).as("w after step %d", step + 1).isCloseTo(expected[step], within(1e-6));
          }
        }
      }
    }
  }
}
