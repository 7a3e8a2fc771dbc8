package io.rsitr.train;

import java.util.Map;

/** Thrown when a step produces a NaN or infinite loss; training stops and the last good checkpoint stays. */
public final class NonFiniteLossException extends RuntimeException {

  private final long step;

  public NonFiniteLossException(long step, Map<String, Double> terms) {
    super("the loss became non-finite at step " + step + " (" + terms + "); the last good checkpoint is kept;"
        + " lower train.max_lr or check the data");
    this.step = step;
  }

  public long step() {
    return step;
  }
}
