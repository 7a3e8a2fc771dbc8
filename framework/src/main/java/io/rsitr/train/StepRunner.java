package io.rsitr.train;

import io.rsitr.data.pipeline.Batch;
import io.rsitr.data.pipeline.EpochPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Runs one optimisation step: the momentum update, then forward, backward and AdamW on a batch. */
final class StepRunner {

  private final Session session;
  private final TrainingGraph graph;
  private final long seed;

  StepRunner(Session session, TrainingGraph graph, long seed) {
    this.session = session;
    this.graph = graph;
    this.seed = seed;
  }

  /**
   * Runs global step {@code step} (0-based) and returns the step metrics.
   *
   * @param learningRate the scheduled learning rate of this step
   */
  Map<String, Double> run(Batch batch, long step, double learningRate) {
    if (graph.momentum() != null) {
      session.run(graph.momentum().update());
    }
    EncoderGraph encoders = graph.encoders();
    int size = encoders.backbone().imageSize();
    int length = encoders.backbone().contextLength();
    List<Tensor> owned = new ArrayList<>();
    try {
      Session.Runner runner = session.runner()
          .feed(encoders.pixels(), own(owned, TFloat32.tensorOf(Shape.of(batch.size(), size, size, 3),
              DataBuffers.of(batch.pixels(), true, false))))
          .feed(encoders.tokens(), own(owned, TInt32.tensorOf(Shape.of(batch.size(), length),
              DataBuffers.of(batch.tokens(), true, false))))
          .feed(encoders.trainingFlag(), own(owned, TFloat32.scalarOf(1f)))
          .feed(encoders.stepSeed(), own(owned, TInt64.vectorOf(EpochPlan.mix(seed, 17L), step)))
          .feed(graph.optimizer().learningRate(), own(owned, TFloat32.scalarOf((float) learningRate)))
          .feed(graph.optimizer().step(), own(owned, TFloat32.scalarOf(step + 1f)));
      graph.loss().feedStep((placeholder, value) -> runner.feed(placeholder, own(owned, TFloat32.scalarOf(value))));
      // Several metric names may refer to one tensor (a loss that is its own only term); a tensor
      // may be fetched only once per run.
      List<Operand<TFloat32>> fetches = new ArrayList<>();
      Map<String, Integer> fetchIndex = new LinkedHashMap<>();
      for (Map.Entry<String, Operand<TFloat32>> metric : graph.stepMetrics().entrySet()) {
        int index = fetches.indexOf(metric.getValue());
        if (index < 0) {
          index = fetches.size();
          fetches.add(metric.getValue());
          runner.fetch(metric.getValue());
        }
        fetchIndex.put(metric.getKey(), index);
      }
      runner.addTarget(graph.step());
      try (Result result = runner.run()) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        fetchIndex.forEach((name, index) -> metrics.put(name, (double) ((TFloat32) result.get(index)).getFloat()));
        return metrics;
      }
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  private static <T extends Tensor> T own(List<Tensor> owned, T tensor) {
    owned.add(tensor);
    return tensor;
  }
}
