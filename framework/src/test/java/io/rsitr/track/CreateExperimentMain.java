package io.rsitr.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one run from a separate JVM, for the test of concurrent experiment creation.
 *
 * <p>Arguments: store root, experiment name, and the epoch millisecond at which to start, so
 * that all processes create the experiment at the same moment. Prints the experiment id.
 */
public final class CreateExperimentMain {

  private CreateExperimentMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(args[0]);
    String experimentName = args[1];
    long startAtMillis = Long.parseLong(args[2]);

    long wait = startAtMillis - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    TrackedRun run = new LocalMlflowStore(root).startRun(experimentName, "racer", Map.of(), null);
    run.end(RunStatus.FINISHED);
    System.out.println("EXPERIMENT_ID=" + run.experimentId());
  }
}
