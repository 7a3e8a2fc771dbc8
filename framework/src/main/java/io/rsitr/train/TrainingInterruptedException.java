package io.rsitr.train;

/** Thrown when the training thread is interrupted (Ctrl-C); the run ends as KILLED. */
public final class TrainingInterruptedException extends RuntimeException {

  private final long step;

  public TrainingInterruptedException(long step) {
    super("training was interrupted at step " + step + "; the latest checkpoint holds every step before it");
    this.step = step;
  }

  /** Returns the first step that did not run. */
  public long step() {
    return step;
  }
}
