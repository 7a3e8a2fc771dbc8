package io.rsitr.train;

/** Thrown when the training thread is interrupted (Ctrl-C); the run ends as KILLED. */
public final class TrainingInterruptedException extends RuntimeException {

  public TrainingInterruptedException(long step) {
    super("training was interrupted at step " + step);
  }
}
