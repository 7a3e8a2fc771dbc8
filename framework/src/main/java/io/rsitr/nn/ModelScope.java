package io.rsitr.nn;

import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Graph-building context of a layer: the ops, the parameter store it reads weights from, and the
 * per-step inputs that control dropout.
 *
 * <p>{@code trainingFlag} is a fed float scalar, 1 while training and 0 while evaluating, so one
 * subgraph serves both. {@code stepSeed} is a fed {@code int64[2]}: dropout draws come from
 * stateless random ops seeded by it plus a per-op counter, so a step's randomness depends only on
 * the run seed and the step, which makes runs reproducible and resumable.
 */
public final class ModelScope {

  private final Ops tf;
  private final ParameterStore store;
  private final Operand<TFloat32> trainingFlag;
  private final Operand<TInt64> stepSeed;
  private final AtomicLong randomOpCounter;

  private ModelScope(
      Ops tf, ParameterStore store, Operand<TFloat32> trainingFlag, Operand<TInt64> stepSeed, AtomicLong counter) {
    this.tf = tf;
    this.store = store;
    this.trainingFlag = trainingFlag;
    this.stepSeed = stepSeed;
    this.randomOpCounter = counter;
  }

  public static ModelScope create(
      ParameterStore store, Operand<TFloat32> trainingFlag, Operand<TInt64> stepSeed) {
    return new ModelScope(store.tf(), store, trainingFlag, stepSeed, new AtomicLong());
  }

  /** Returns a scope that reads parameters from another store and shares the dropout inputs. */
  public ModelScope withStore(ParameterStore other) {
    return new ModelScope(other.tf(), other, trainingFlag, stepSeed, randomOpCounter);
  }

  public Ops tf() {
    return tf;
  }

  public ParameterStore store() {
    return store;
  }

  public Operand<TFloat32> trainingFlag() {
    return trainingFlag;
  }

  /** Returns a seed for the next stateless random op: the step seed with a distinct counter added. */
  public Operand<TInt64> nextRandomSeed() {
    // The op's number goes into the high 32 bits, the step into the low ones, so two ops or two
    // steps never share a seed while a run has fewer than 2^32 steps.
    long offset = randomOpCounter.incrementAndGet();
    return tf.math.add(stepSeed, tf.constant(new long[] {0L, offset << 32}));
  }
}
