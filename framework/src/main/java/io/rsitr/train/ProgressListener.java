package io.rsitr.train;

/** Receives progress while a run trains; the CLI prints it, tests ignore it. */
public interface ProgressListener {

  /**
   * Called after every logged step.
   *
   * @param pairsPerSecond training throughput since the epoch started
   * @param secondsLeft estimated seconds until training ends
   */
  void onStep(int epoch, int epochs, long step, long totalSteps, double loss, double learningRate,
      double pairsPerSecond, double secondsLeft);

  /** Called with a one-line summary after each evaluation. */
  void onMessage(String message);

  static ProgressListener silent() {
    return new ProgressListener() {
      @Override
      public void onStep(int epoch, int epochs, long step, long totalSteps, double loss, double learningRate,
          double pairsPerSecond, double secondsLeft) {}

      @Override
      public void onMessage(String message) {}
    };
  }
}
