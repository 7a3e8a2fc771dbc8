package io.rsitr.plugins.baselines;

import io.rsitr.nn.ModelScope;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The plain dual encoder: no pair scoring, no matching loss, no re-ranking. */
final class NoInteraction implements Interaction {

  @Override
  public boolean scoresPairs() {
    return false;
  }

  @Override
  public Operand<TFloat32> matchLogits(
      ModelScope scope, Backbone backbone, Operand<TInt32> tokens, Operand<TFloat32> imageLocalTokens) {
    throw new UnsupportedOperationException("the 'none' interaction scores no pairs");
  }
}
