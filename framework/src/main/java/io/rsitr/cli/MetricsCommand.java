package io.rsitr.cli;

import io.rsitr.eval.MetricsReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Computes recall and calibration of one scored case file and prints them as JSON. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Compute R@K, mR, ECE and mean calibration gap of a case file (scores_i2t, scores_t2i,"
        + " img2txt, txt2img, num_bins); recall in percent.")
final class MetricsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.json", description = "case file")
  Path file;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException("case file " + file + " not found; check the path");
    }
    spec.commandLine().getOut().println(MetricsReport.fromCaseJson(file).toJson());
    return 0;
  }
}
