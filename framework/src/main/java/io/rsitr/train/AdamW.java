package io.rsitr.train;

import io.rsitr.nn.ModelParameter;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * AdamW as PyTorch defines it, over an explicit list of parameters, with the learning rate and the
 * step count fed every step.
 *
 * <p>Per parameter and step t: {@code p ← p·(1 − lr·wd)}, {@code m ← β1·m + (1 − β1)·g},
 * {@code v ← β2·v + (1 − β2)·g²}, {@code p ← p − lr·(m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)}.
 * TensorFlow's ApplyAdam puts ε inside the bias correction instead, and TensorFlow Java's optimizers
 * collect every variable in the graph (momentum copies included) and bake the learning rate in, so
 * this one is built by hand.
 */
public final class AdamW {

  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> step;
  private final List<Variable<TFloat32>> slots = new ArrayList<>();
  private final Op update;

  /**
   * Builds the update ops.
   *
   * @param parameters the trainable parameters, in a fixed order
   * @param gradients one gradient per parameter, same order
   */
  public AdamW(Ops tf, List<ModelParameter> parameters, List<Operand<TFloat32>> gradients, AdamWSettings settings) {
    Ops scope = tf.withSubScope("adamw");
    learningRate = scope.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    step = scope.withName("step").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

    Operand<TFloat32> beta1 = scope.constant((float) settings.beta1());
    Operand<TFloat32> beta2 = scope.constant((float) settings.beta2());
    Operand<TFloat32> one = scope.constant(1f);
    Operand<TFloat32> correction1 = scope.math.sub(one, scope.math.pow(beta1, step));
    Operand<TFloat32> correction2 = scope.math.sub(one, scope.math.pow(beta2, step));
    Operand<TFloat32> decay = scope.math.sub(one, scope.math.mul(learningRate, scope.constant((float) settings.weightDecay())));

    // Variables are read through identities that share the variable's buffer, so an update that ran
    // while backpropagation still reads the old weights would corrupt the gradients of earlier
    // layers. Every assignment therefore waits until all gradients exist.
    List<Op> gradientOps = new ArrayList<>(gradients);
    Ops afterGradients = scope.withControlDependencies(
        List.of(scope.withControlDependencies(gradientOps).withName("gradients_ready").noOp()));

    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      ModelParameter parameter = parameters.get(i);
      Operand<TFloat32> gradient = gradients.get(i);
      Variable<TFloat32> m = slot(scope, parameter, "m");
      Variable<TFloat32> v = slot(scope, parameter, "v");

      Operand<TFloat32> newM = scope.math.add(scope.math.mul(beta1, m), scope.math.mul(scope.math.sub(one, beta1), gradient));
      Operand<TFloat32> newV = scope.math.add(scope.math.mul(beta2, v),
          scope.math.mul(scope.math.sub(one, beta2), scope.math.square(gradient)));
      Operand<TFloat32> mHat = scope.math.div(newM, correction1);
      Operand<TFloat32> denominator =
          scope.math.add(scope.math.sqrt(scope.math.div(newV, correction2)), scope.constant((float) settings.epsilon()));
      Operand<TFloat32> newValue = scope.math.sub(scope.math.mul(parameter.value(), decay),
          scope.math.mul(learningRate, scope.math.div(mHat, denominator)));

      // All three assignments read the values from before this step, so they wait on the new values.
      Operand<TFloat32> newMValue = afterGradients.identity(newM);
      Operand<TFloat32> newVValue = afterGradients.identity(newV);
      Operand<TFloat32> newParameterValue = afterGradients.identity(newValue);
      Assign<TFloat32> assignM = afterGradients.assign(m, newMValue);
      Assign<TFloat32> assignV = afterGradients.assign(v, newVValue);
      Assign<TFloat32> assignP =
          afterGradients.withControlDependencies(List.of(assignM, assignV)).assign(parameter.variable(), newParameterValue);
      updates.add(assignP);
    }
    update = scope.withControlDependencies(updates).withName("update").noOp();
  }

  private Variable<TFloat32> slot(Ops scope, ModelParameter parameter, String name) {
    Ops init = scope.withInitScope();
    Variable<TFloat32> slot = scope.withName(parameter.key() + "_" + name)
        .variable(init.fill(init.constant(parameter.graphShape()), init.constant(0f)));
    slots.add(slot);
    return slot;
  }

  public Placeholder<TFloat32> learningRate() {
    return learningRate;
  }

  /** Returns the placeholder of the 1-based step count t used in the bias corrections. */
  public Placeholder<TFloat32> step() {
    return step;
  }

  /** Runs one update of every parameter. */
  public Op update() {
    return update;
  }

  public List<Variable<TFloat32>> slots() {
    return slots;
  }
}
