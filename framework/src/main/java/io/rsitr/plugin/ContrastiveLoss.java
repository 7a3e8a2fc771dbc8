package io.rsitr.plugin;

import java.util.List;
import org.tensorflow.op.Ops;

/**
 * Extension point: the image-text contrastive loss of a batch.
 *
 * <p>{@link #build} is called once while the training graph is built. Values that change during
 * training without rebuilding the graph are placeholders fed every step through
 * {@link #feedStep}; listeners update them at epoch ends.
 */
public interface ContrastiveLoss {

  /** Returns whether the loss reads momentum embeddings, so the runtime builds a momentum encoder. */
  boolean usesMomentum();

  LossTerms build(Ops tf, ContrastiveInputs inputs);

  /** Feeds this loss's placeholders before a training step. */
  default void feedStep(StepFeeder feeder) {}

  default List<EpochListener> epochListeners() {
    return List.of();
  }
}
