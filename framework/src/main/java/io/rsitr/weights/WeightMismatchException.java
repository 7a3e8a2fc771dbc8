package io.rsitr.weights;

/** Signals weights that do not match the model exactly; the message lists every problem at once. */
public class WeightMismatchException extends RuntimeException {

  private final CompatibilityReport report;

  public WeightMismatchException(CompatibilityReport report) {
    super("the weights do not match the model, so nothing was loaded: " + report.describeProblems());
    this.report = report;
  }

  /** Returns the full comparison, including the problems listed in the message. */
  public CompatibilityReport report() {
    return report;
  }
}
