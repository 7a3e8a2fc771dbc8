package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.plugin.ContrastiveInputs;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.LossFactory;
import io.rsitr.plugin.LossTerms;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginModule;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.plugin.StepFeeder;
import io.rsitr.plugins.baselines.BaselinesPluginModule;
import io.rsitr.plugins.clip.ClipPluginModule;
import io.rsitr.plugins.datasets.DatasetsPluginModule;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.run.FrameworkSections;
import io.rsitr.spec.ExperimentLoader;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.testing.SharedFiles;
import io.rsitr.track.LocalMlflowStore;
import io.rsitr.train.NonFiniteLossException;
import io.rsitr.train.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A loss that turns NaN stops training, keeps the last good checkpoint and fails the run. */
class NonFiniteLossTest {

  private static final int NAN_FROM_STEP = 4;

  @TempDir Path dir;

  /** The mean squared similarity, multiplied by a factor that becomes NaN at a given step. */
  static final class PoisonedLoss implements ContrastiveLoss {
    private Placeholder<TFloat32> factor;
    private int steps;

    @Override
    public boolean usesMomentum() {
      return false;
    }

    @Override
    public LossTerms build(Ops tf, ContrastiveInputs in) {
      factor = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat32> similarity = tf.linalg.matMul(in.image(), in.text(),
          org.tensorflow.op.linalg.MatMul.transposeB(true));
      Operand<TFloat32> loss = tf.math.mul(tf.math.mean(tf.math.square(tf.math.add(tf.math.mul(similarity,
          in.scale()), in.bias())), tf.constant(new int[] {0, 1})), factor);
      return new LossTerms(loss, Map.of("poisoned", loss));
    }

    @Override
    public void feedStep(StepFeeder feeder) {
      feeder.feed(factor, steps++ >= NAN_FROM_STEP ? Float.NaN : 1f);
    }
  }

  static final class PoisonedLossModule extends PluginModule {
    @Override
    protected void configure() {
      addLoss(new LossFactory() {
        @Override
        public String name() {
          return "poisoned";
        }

        @Override
        public String description() {
          return "test loss that becomes NaN";
        }

        @Override
        public List<ParameterSpec> parameters() {
          return List.of();
        }

        @Override
        public ContrastiveLoss create(Parameters parameters) {
          return new PoisonedLoss();
        }
      });
    }
  }

  @Test
  void nanLossStopsTrainingAndFailsRun() throws IOException {
    PluginRegistry registry = PluginRegistry.fromModules(List.of(new ClipPluginModule(), new BaselinesPluginModule(),
        new DatasetsPluginModule(), new PoisonedLossModule()));
    ExperimentSpec spec = new ExperimentLoader(registry.schema(FrameworkSections.all())).load(
        SharedFiles.projectRoot().resolve("experiments/smoke.yaml"),
        List.of("loss.name=poisoned", "train.epochs=2", "train.max_steps_per_epoch=3",
            "dataset.train_images=128", "dataset.val_images=32", "dataset.test_images=32",
            "runtime.output_dir=" + dir.resolve("runs")),
        Map.of());
    Path store = dir.resolve("mlruns");

    try (LocalMlflowStore tracker = new LocalMlflowStore(store)) {
      ExperimentRunner runner = new ExperimentRunner(registry, tracker, ProgressListener.silent());
      assertThatThrownBy(() -> runner.train(spec, null, null))
          .isInstanceOf(NonFiniteLossException.class)
          .hasMessageContaining("at step " + NAN_FROM_STEP)
          .hasMessageContaining("poisoned=NaN");
    }

    Path runMeta;
    try (Stream<Path> files = Files.walk(store)) {
      runMeta = files.filter(path -> path.getFileName().toString().equals("meta.yaml"))
          .filter(path -> path.getParent().getParent().getParent().equals(store))
          .findFirst().orElseThrow();
    }
    assertThat(Files.readString(runMeta)).as("run status FAILED (4)").contains("status: 4");
    Path latest;
    try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
      latest = files.filter(path -> path.endsWith("checkpoints/latest/state.json")).findFirst().orElseThrow();
    }
    assertThat(Files.readString(latest)).as("the last good checkpoint is the end of epoch 1")
        .contains("\"epochsDone\" : 1").contains("\"globalStep\" : 3");
  }
}
