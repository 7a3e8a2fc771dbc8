package io.rsitr.train;

import io.rsitr.data.pipeline.BatchLoader;
import io.rsitr.plugin.Dataset;
import java.util.function.Supplier;
import org.tensorflow.Session;

/**
 * Everything one training run works with, assembled by the runtime.
 *
 * @param batchLoaders creates the background batch loader of the train split
 */
public record TrainingRun(
    Session session,
    TrainingGraph graph,
    Dataset dataset,
    TrainSettings train,
    SplitEvaluator evaluator,
    Checkpoints checkpoints,
    MetricSink sink,
    ProgressListener progress,
    long seed,
    String configHash,
    String runId,
    Supplier<BatchLoader> batchLoaders) {

  BatchLoader newBatchLoader() {
    return batchLoaders.get();
  }
}
