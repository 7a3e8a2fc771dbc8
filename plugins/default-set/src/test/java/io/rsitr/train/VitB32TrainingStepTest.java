package io.rsitr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ContrastiveInputs;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.LossTerms;
import io.rsitr.plugin.PluginKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class VitB32TrainingStepTest {

  @Test
  void vitB32PresetTrainsOneStepWithEveryGradient() {
    // The clip defaults are ViT-B/32; the graph build fails if any op on the path lacks a gradient.
    Backbone backbone = TrainingGraphFixtures.plugin(PluginKind.BACKBONE, "clip", Map.of());
    assertThat(backbone.imageSize()).isEqualTo(224);
    try (Graph graph = new Graph()) {
      TrainingGraph training = new TrainingGraph(graph, backbone, TrainingGraphFixtures.none(),
          TrainingGraphFixtures.infonce(true), TrainingGraphFixtures.settings(1e-5), 5);
      assertThat(training.trainableParameters()).as("ViT-B/32 trainable tensors: 152 image, 149 text, logit scale and bias")
          .hasSize(303);
      try (Session session = new Session(graph)) {
        session.initialize();
        session.run(training.momentum().sync());
        Map<String, Double> metrics = new StepRunner(session, training, 5)
            .run(TrainingGraphFixtures.randomBatch(backbone, 2, 3), 0, 1e-5);
        assertThat(metrics.get("loss")).as("loss of one ViT-B/32 step").isFinite().isPositive();
      }
    }
  }

  @Test
  void missingGradientIsReportedByOpName() {
    ContrastiveLoss withoutGradient = new ContrastiveLoss() {
      @Override
      public boolean usesMomentum() {
        return false;
      }

      @Override
      public LossTerms build(Ops tf, ContrastiveInputs inputs) {
        Operand<TFloat32> logits = tf.math.add(tf.math.mul(inputs.scale(), tf.linalg.matMul(inputs.image(),
            inputs.text(), org.tensorflow.op.linalg.MatMul.transposeB(true))), inputs.bias());
        Operand<TInt32> labels = tf.range(tf.constant(0), tf.constant(4), tf.constant(1));
        Operand<TFloat32> loss = tf.math.mean(tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels).loss(),
            tf.constant(0));
        return new LossTerms(loss, Map.of());
      }
    };
    try (Graph graph = new Graph()) {
      assertThatThrownBy(() -> new TrainingGraph(graph, TrainingGraphFixtures.tinyClip(), TrainingGraphFixtures.none(),
          withoutGradient, TrainingGraphFixtures.settings(1e-3), 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SparseSoftmaxCrossEntropyWithLogits");
    }
  }
}
