package io.rsitr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rsitr.nn.ModelParameter;
import io.rsitr.plugin.Backbone;
import io.rsitr.data.pipeline.Batch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class MomentumEncoderTest {

  private static float[] read(Session session, ModelParameter parameter) {
    try (Result result = session.runner().fetch(parameter.value()).run()) {
      TFloat32 tensor = (TFloat32) result.get(0);
      float[] values = new float[(int) tensor.shape().size()];
      tensor.asRawTensor().data().asFloats().read(values);
      return values;
    }
  }

  @Test
  void trainableListExcludesMomentumCopies() {
    try (Graph graph = new Graph()) {
      TrainingGraph training = new TrainingGraph(graph, TrainingGraphFixtures.tinyClip(),
          TrainingGraphFixtures.none(), TrainingGraphFixtures.infonce(true), TrainingGraphFixtures.settings(1e-3), 3);

      List<ModelParameter> trainable = training.trainableParameters();
      assertThat(training.momentum().store().parameters()).as("momentum copies").isNotEmpty();
      for (ModelParameter copy : training.momentum().store().parameters()) {
        assertThat(copy.trainable()).as("%s is trainable", copy.key()).isFalse();
        assertThat(trainable).as("trainable list").doesNotContain(copy);
      }
      assertThat(trainable).extracting(ModelParameter::key).contains("visual.conv1.weight", "text_projection",
          "logit_scale");
      assertThat(training.momentum().store().parameters()).extracting(ModelParameter::key)
          .as("shared with the online model, so not copied")
          .doesNotContain("token_embedding.weight", "positional_embedding", "ln_final.weight");
    }
  }

  @Test
  void oneStepMovesCopiesByOneMinusMomentumTimesDifference() {
    Backbone backbone = TrainingGraphFixtures.tinyClip();
    try (Graph graph = new Graph()) {
      TrainingGraph training = new TrainingGraph(graph, backbone, TrainingGraphFixtures.none(),
          TrainingGraphFixtures.infonce(true), TrainingGraphFixtures.settings(5e-2), 3);
      try (Session session = new Session(graph)) {
        session.initialize();
        session.run(training.momentum().sync());
        StepRunner steps = new StepRunner(session, training, 3);
        // One step moves the online weights away from the copies.
        steps.run(TrainingGraphFixtures.randomBatch(backbone, 4, 1), 0, 5e-2);

        ModelParameter copy = training.momentum().store().get("visual.proj");
        ModelParameter online = training.encoders().online().get("visual.proj");
        float[] momentumBefore = read(session, copy);
        float[] onlineBefore = read(session, online);
        assertThat(momentumBefore).as("copies differ from online weights after a step").isNotEqualTo(onlineBefore);

        session.run(training.momentum().update());

        float[] momentumAfter = read(session, copy);
        assertThat(read(session, online)).as("the update leaves online weights alone").containsExactly(onlineBefore);
        for (int i = 0; i < momentumAfter.length; i++) {
          double expected = momentumBefore[i] + (1 - 0.995) * (onlineBefore[i] - momentumBefore[i]);
          assertThat((double) momentumAfter[i]).as("visual.proj[%d]", i).isCloseTo(expected, within(1e-7));
        }
      }
    }
  }

  @Test
  void momentumCopiesReceiveNoGradient() {
    Backbone backbone = TrainingGraphFixtures.tinyClip();
    try (Graph graph = new Graph()) {
      TrainingGraph training = new TrainingGraph(graph, backbone, TrainingGraphFixtures.none(),
          TrainingGraphFixtures.infonce(true), TrainingGraphFixtures.settings(1e-3), 3);
      List<Operand<?>> reachable = new ArrayList<>();
      for (ModelParameter copy : training.momentum().store().parameters()) {
        // TensorFlow refuses to differentiate with respect to a tensor that no path reaches; paths
        // that exist only through a stop-gradient give zeros, checked below.
        try {
          org.tensorflow.Output<?> gradient = Ops.create(graph).withSubScope("probe")
              .gradients(training.totalLoss(), List.of(copy.value())).dy(0);
          if (!TrainingGraph.isAbsent(gradient)) {
            reachable.add(gradient);
          }
        } catch (IllegalArgumentException | org.tensorflow.exceptions.TensorFlowException e) {
          assertThat(e).hasMessageContaining("unreachable from the output");
        }
      }
      if (reachable.isEmpty()) {
        return;
      }
      Batch batch = TrainingGraphFixtures.randomBatch(backbone, 4, 2);
      try (Session session = new Session(graph);
          TFloat32 pixels = TFloat32.tensorOf(Shape.of(4, 32, 32, 3), DataBuffers.of(batch.pixels(), true, false));
          TInt32 tokens = TInt32.tensorOf(Shape.of(4, 8), DataBuffers.of(batch.tokens(), true, false));
          TFloat32 flag = TFloat32.scalarOf(1f);
          TInt64 seed = TInt64.vectorOf(1, 2)) {
        session.initialize();
        EncoderGraph encoders = training.encoders();
        Session.Runner runner = session.runner().feed(encoders.pixels(), pixels).feed(encoders.tokens(), tokens)
            .feed(encoders.trainingFlag(), flag).feed(encoders.stepSeed(), seed);
        reachable.forEach(runner::fetch);
        try (Result result = runner.run()) {
          for (int i = 0; i < reachable.size(); i++) {
            TFloat32 gradient = (TFloat32) result.get(i);
            float[] entries = new float[(int) gradient.shape().size()];
            gradient.asRawTensor().data().asFloats().read(entries);
            for (float entry : entries) {
              assertThat(entry).as("gradient reaching a momentum copy").isZero();
            }
          }
        }
      }
    }
  }
}
