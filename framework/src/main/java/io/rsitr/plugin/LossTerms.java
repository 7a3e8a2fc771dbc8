package io.rsitr.plugin;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A loss value and its named parts, logged per step as {@code train/<name>}.
 *
 * @param total the scalar to minimise
 * @param terms named scalars for logging, for example {@code loss_i2t}
 */
public record LossTerms(Operand<TFloat32> total, Map<String, Operand<TFloat32>> terms) {

  public LossTerms {
    terms = Map.copyOf(terms);
  }
}
