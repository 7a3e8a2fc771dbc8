package io.rsitr.cli;

import io.rsitr.train.ProgressListener;
import java.io.PrintWriter;

/** Prints training progress as one line per logged step. */
final class ConsoleProgress implements ProgressListener {

  private final PrintWriter err;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void onStep(int epoch, int epochs, long step, long totalSteps, double loss, double learningRate,
      double pairsPerSecond, double secondsLeft) {
    err.printf("epoch %d/%d  step %d/%d  loss %.4f  lr %.3g  %.1f pairs/s  %s left%n", epoch, epochs, step,
        totalSteps, loss, learningRate, pairsPerSecond, formatDuration(secondsLeft));
    err.flush();
  }

  @Override
  public void onMessage(String message) {
    err.println(message);
    err.flush();
  }

  static String formatDuration(double seconds) {
    long total = Math.round(seconds);
    return total >= 3600
        ? String.format("%dh%02dm", total / 3600, (total % 3600) / 60)
        : String.format("%dm%02ds", total / 60, total % 60);
  }
}
