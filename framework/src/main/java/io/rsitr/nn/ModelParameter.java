package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One named model parameter in the graph.
 *
 * @param key open_clip-style name, for example {@code visual.conv1.weight}
 * @param torchShape the shape PyTorch checkpoints store it in
 * @param graphShape the variable's shape
 * @param variable the variable (assign targets and checkpoints use it)
 * @param value the value the model reads; gradients are taken with respect to it
 * @param feed placeholder of {@code graphShape} used to load values
 * @param load assigns {@code feed} to the variable
 * @param trainable whether the optimizer updates it
 */
public record ModelParameter(
    String key,
    long[] torchShape,
    long[] graphShape,
    ImportLayout layout,
    Variable<TFloat32> variable,
    Operand<TFloat32> value,
    Placeholder<TFloat32> feed,
    Assign<TFloat32> load,
    boolean trainable) {

  public long size() {
    long size = 1;
    for (long dim : graphShape) {
      size *= dim;
    }
    return size;
  }
}
