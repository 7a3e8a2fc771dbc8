package io.rsitr.run;

import io.rsitr.report.MetricHistory;
import io.rsitr.report.Plots;
import io.rsitr.track.TrackedRun;
import io.rsitr.train.Checkpoints;
import io.rsitr.train.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plots and the best checkpoint that a finished run stores among its artifacts. */
final class RunArtifacts {

  static final String PLOTS_DIR = "plots";
  static final String BEST_CHECKPOINT_DIR = "checkpoints/" + Checkpoints.BEST;

  private static final Logger LOG = LoggerFactory.getLogger(RunArtifacts.class);

  private RunArtifacts() {}

  /**
   * Draws the training curves and the test reliability diagram into {@code runFolder/plots} and
   * logs them. A plot that fails is logged as a warning and skipped, because the trained model and
   * its metrics matter more than a picture.
   *
   * <p>NOTE: the history is kept in memory, so the curves of a resumed run start at the resume.
   */
  static void logPlots(TrackedRun run, Path runFolder, MetricHistory history, EvaluationResult test) {
    Path plots = runFolder.resolve(PLOTS_DIR);
    try {
      Path curves = plots.resolve(Plots.TRAINING_CURVES);
      if (Plots.writeTrainingCurves(history, curves)) {
        run.logArtifact(curves, PLOTS_DIR);
      }
      Path reliability = plots.resolve(Plots.RELIABILITY);
      Plots.writeReliabilityDiagram(test.calibrationI2t(), test.calibrationT2i(), reliability);
      run.logArtifact(reliability, PLOTS_DIR);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Failed to draw the plots of run {} into {}: {}", run.runId(), plots, e.toString());
    }
  }

  /**
   * Logs every file of the {@code best} checkpoint under {@value #BEST_CHECKPOINT_DIR}, keeping
   * sub-folders. A run without a best checkpoint logs nothing.
   */
  static void logBestCheckpoint(TrackedRun run, Checkpoints checkpoints) {
    Path best = checkpoints.folder(Checkpoints.BEST);
    if (!checkpoints.exists(Checkpoints.BEST)) {
      LOG.warn("Run {} has no best checkpoint in {}; none is stored with the run", run.runId(), best);
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(best)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to list the best checkpoint of run " + run.runId() + " in " + best, e);
    }
    for (Path file : files) {
      Path relativeParent = best.relativize(file).getParent();
      String folder = relativeParent == null
          ? BEST_CHECKPOINT_DIR
          : BEST_CHECKPOINT_DIR + "/" + relativeParent.toString().replace('\\', '/');
      run.logArtifact(file, folder);
    }
    LOG.info("Stored {} files of the best checkpoint with run {}", files.size(), run.runId());
  }
}
