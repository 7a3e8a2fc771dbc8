package io.rsitr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rsitr.data.pipeline.Batch;
import io.rsitr.nn.Dropout;
import io.rsitr.nn.ModelScope;
import io.rsitr.nn.ParameterStore;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.PluginKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Training-time paths the reference fixtures (evaluation mode) cannot cover. */
class TrainingPathsTest {

  @Test
  void dropoutIsIdentityWhenEvaluating() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> flag = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TInt64> seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      ModelScope scope = ModelScope.create(ParameterStore.online(tf, 1), flag, seed);
      Operand<TFloat32> dropped = Dropout.apply(scope, tf.fill(tf.constant(new int[] {100, 100}), tf.constant(1f)), 0.25);
      try (Session session = new Session(graph)) {
        float[] evaluating = run(session, dropped, flag, seed, 0f);
        float[] training = run(session, dropped, flag, seed, 1f);

        assertThat(evaluating).as("every unit kept and unscaled while evaluating").containsOnly(1f);
        int zeros = 0;
        for (float value : training) {
          if (value == 0f) {
            zeros++;
          } else {
            assertThat((double) value).as("kept units scaled by 1/(1 - rate)").isCloseTo(1 / 0.75, within(1e-6));
          }
        }
        assertThat(zeros / 10_000.0).as("dropped share of 10,000 units").isCloseTo(0.25, within(0.02));
      }
    }
  }

  private static float[] run(Session session, Operand<TFloat32> output, Placeholder<TFloat32> flag,
      Placeholder<TInt64> seed, float training) {
    try (TFloat32 flagValue = TFloat32.scalarOf(training);
        TInt64 seedValue = TInt64.vectorOf(3, 4);
        Result result = session.runner().feed(flag, flagValue).feed(seed, seedValue).fetch(output).run()) {
      TFloat32 tensor = (TFloat32) result.get(0);
      float[] values = new float[(int) tensor.shape().size()];
      tensor.asRawTensor().data().asFloats().read(values);
      return values;
    }
  }

  @Test
  void hardNegativesNeverPickThePositive() {
    Backbone backbone = TrainingGraphFixtures.tinyClip();
    Interaction lsci = TrainingGraphFixtures.plugin(PluginKind.INTERACTION, "lsci", Map.ofEntries(
        Map.entry("text_blocks", 1), Map.entry("fusion_layers", 1), Map.entry("fusion_heads", 2),
        Map.entry("fusion_ffn", 32), Map.entry("image_width", 32), Map.entry("hidden", 32),
        Map.entry("encoder_layers", 1), Map.entry("encoder_heads", 2), Map.entry("encoder_ffn", 32)));
    int batchSize = 6;
    try (Graph graph = new Graph()) {
      TrainingGraph training = new TrainingGraph(graph, backbone, lsci, TrainingGraphFixtures.infonce(true),
          TrainingGraphFixtures.settings(1e-3), 3);
      MatchingLoss matching = training.matchingLoss();
      Batch batch = TrainingGraphFixtures.randomBatch(backbone, batchSize, 5);
      EncoderGraph encoders = training.encoders();
      int[] counts = new int[batchSize];
      try (Session session = new Session(graph);
          TFloat32 pixels = TFloat32.tensorOf(Shape.of(batchSize, 32, 32, 3), DataBuffers.of(batch.pixels(), true, false));
          TInt32 tokens = TInt32.tensorOf(Shape.of(batchSize, 8), DataBuffers.of(batch.tokens(), true, false));
          TFloat32 flag = TFloat32.scalarOf(1f)) {
        session.initialize();
        session.run(training.momentum().sync());
        for (long step = 0; step < 50; step++) {
          try (TInt64 seed = TInt64.vectorOf(9, step);
              Result result = session.runner().feed(encoders.pixels(), pixels).feed(encoders.tokens(), tokens)
                  .feed(encoders.trainingFlag(), flag).feed(encoders.stepSeed(), seed)
                  .fetch(matching.negativeCaptions()).fetch(matching.negativeImages()).run()) {
            for (int output = 0; output < 2; output++) {
              TInt32 drawn = (TInt32) result.get(output);
              for (int b = 0; b < batchSize; b++) {
                int negative = drawn.getInt(b);
                assertThat(negative).as("negative of pair %d at step %d", b, step).isNotEqualTo(b)
                    .isBetween(0, batchSize - 1);
                counts[negative]++;
              }
            }
          }
        }
      }
      for (int index = 0; index < batchSize; index++) {
        assertThat(counts[index]).as("times index %d was drawn as a negative", index).isPositive();
      }
    }
  }

  @Test
  void topKKeepsLargestInOrder() {
    float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, -1f, 0.7f};

    assertThat(Reranker.topK(scores, 3)).as("ties keep the lower index first").containsExactly(1, 3, 5);
    assertThat(Reranker.topK(scores, 6)).containsExactly(1, 3, 5, 2, 0, 4);
    assertThat(Reranker.topK(scores, 1)).containsExactly(1);
  }
}
