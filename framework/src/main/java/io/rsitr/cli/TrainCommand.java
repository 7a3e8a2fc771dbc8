package io.rsitr.cli;

import io.rsitr.plugin.PluginRegistry;
import io.rsitr.report.CellResult;
import io.rsitr.report.PairedBootstrap;
import io.rsitr.run.AblationOutcome;
import io.rsitr.run.AblationRunner;
import io.rsitr.run.ExperimentRunner;
import io.rsitr.run.RunOutcome;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.track.Tracker;
import io.rsitr.track.Trackers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trains an experiment and prints its test metrics. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the experiment in FILE.yaml, score the test split with the checkpoint selected on"
        + " validation, and record everything in the tracking store. With an ablation section, train one"
        + " child run per grid cell under a parent run and print a report over seeds.")
final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.yaml", description = "experiment file")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a value, for example train.epochs=3")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--resume", paramLabel = "RUN_ID",
      description = "continue an interrupted run from its latest checkpoint, in the same tracked run")
  String resumeRunId;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PluginRegistry registry = PluginRegistry.discover();
    ExperimentSpec experiment = Experiments.load(registry, file, overrides);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    String configuredUri = experiment.section("tracking").getString("uri");
    boolean isDefault = configuredUri.equals(Trackers.DEFAULT_URI);
    if (experiment.ablation().isPresent() && resumeRunId != null) {
      throw new IllegalArgumentException("--resume continues a single run, but " + file + " has an ablation "
          + "section; run the same command without --resume to continue the ablation, which reuses finished cells");
    }
    try (Tracker tracker = Trackers.open(Trackers.resolveUri(configuredUri, isDefault, System.getenv()), Map.of())) {
      tracker.checkAvailable();
      ExperimentRunner runner = new ExperimentRunner(registry, tracker, new ConsoleProgress(err));
      if (experiment.ablation().isPresent()) {
        AblationRunner ablation = new AblationRunner(runner, tracker,
            new PairedBootstrap(PairedBootstrap.DEFAULT_RESAMPLES, PairedBootstrap.DEFAULT_SEED));
        printAblation(out, runInterruptibly(() -> ablation.run(experiment)), tracker.uri());
        return 0;
      }
      RunOutcome outcome = runInterruptibly(() -> runner.train(experiment, resumeRunId, null));
      out.printf("run %s finished; tracked at %s%n", outcome.runId(), tracker.uri());
      printMetrics(out, outcome.testMetrics());
    }
    return 0;
  }

  private static void printAblation(PrintWriter out, AblationOutcome outcome, String trackingUri) {
    int reused = outcome.reusedRunIds().size();
    out.printf("ablation parent run %s finished: %d cells, %d trained, %d reused from earlier runs; tracked at %s%n",
        outcome.parentRunId(), outcome.cells().size(), outcome.cells().size() - reused, reused, trackingUri);
    for (CellResult cell : outcome.cells()) {
      String origin = outcome.reusedRunIds().contains(cell.runId()) ? "reused" : "trained";
      out.printf("  %s: run %s (%s), test mR %.2f%n", cell.cellLabel(), cell.runId(), origin,
          cell.testMetrics().getOrDefault("mr", Double.NaN));
    }
    out.println();
    out.print(outcome.report().toMarkdown());
    out.printf("%nreport files: %s%n", outcome.reportFolder());
    out.flush();
  }

  static void printMetrics(PrintWriter out, Map<String, Double> test) {
    out.printf("test R@1/5/10 image->text: %.2f / %.2f / %.2f%n", test.get("i2t_r1"), test.get("i2t_r5"),
        test.get("i2t_r10"));
    out.printf("test R@1/5/10 text->image: %.2f / %.2f / %.2f%n", test.get("t2i_r1"), test.get("t2i_r5"),
        test.get("t2i_r10"));
    out.printf("test mR: %.2f%n", test.get("mr"));
    out.flush();
  }

  /**
   * Runs {@code work} so that Ctrl-C interrupts it: the trainer saves, the run ends as KILLED, and
   * the JVM exits only after that finished.
   */
  static <T> T runInterruptibly(java.util.function.Supplier<T> work) {
    Thread worker = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      worker.interrupt();
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "rsitr-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return work.get();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting because of Ctrl-C; the hook is running and waits for us.
      }
    }
  }
}
