package io.rsitr.track;

/** Terminal states of a tracked run, named as MLflow names them. */
public enum RunStatus {
  FINISHED,
  FAILED,
  KILLED
}
