package io.rsitr.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.eval.CalibrationBin;
import io.rsitr.eval.CalibrationResult;
import io.rsitr.train.MetricSink;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

  @TempDir Path temp;

  @Test
  void historyForwardsAndKeepsValues() {
    List<Long> forwardedSteps = new ArrayList<>();
    MetricHistory history = new MetricHistory((metrics, step) -> forwardedSteps.add(step));

    history.log(Map.of("train/loss", 2.0), 0);
    history.log(Map.of("train/loss", 1.5, "train/lr", 1e-3), 5);

    assertThat(forwardedSteps).as("steps passed on to the next sink").containsExactly(0L, 5L);
    assertThat(history.series("train/loss")).containsExactly(
        new MetricHistory.Point(0, 2.0), new MetricHistory.Point(5, 1.5));
    assertThat(history.series("val/mr")).as("a metric never logged").isEmpty();
  }

  @Test
  void trainingCurvesHaveOnePanelPerMetric() throws Exception {
    MetricHistory history = new MetricHistory(MetricSink.none());
    for (int step = 0; step < 10; step++) {
      history.log(Map.of("train/loss", 4.0 - step * 0.1, "train/lr", 1e-3 * (10 - step) / 10), step);
    }
    history.log(Map.of("val/mr", 12.5), 10);
    Path png = temp.resolve("plots/training_curves.png");

    boolean written = Plots.writeTrainingCurves(history, png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(written).isTrue();
    assertThat(image.getWidth()).as("panel width").isEqualTo(800);
    assertThat(image.getHeight()).as("three stacked panels of 300 pixels").isEqualTo(900);
  }

  @Test
  void emptyHistoryWritesNothing() throws Exception {
    Path png = temp.resolve("training_curves.png");

    boolean written = Plots.writeTrainingCurves(new MetricHistory(MetricSink.none()), png);

    assertThat(written).isFalse();
    assertThat(png).doesNotExist();
  }

  @Test
  void reliabilityDiagramIsSquarePng() throws Exception {
    CalibrationResult i2t = new CalibrationResult(0.1, 0.05, List.of(
        new CalibrationBin(0.0, 0.4, 5, 0.5, 0.3, 0.2), new CalibrationBin(0.4, 1.0, 5, 0.5, 0.7, 0.6)));
    CalibrationResult t2i = new CalibrationResult(0.0, 0.0, List.of(new CalibrationBin(0.0, 1.0, 0, 0.0, 0, 0)));
    Path png = temp.resolve("reliability_test.png");

    Plots.writeReliabilityDiagram(i2t, t2i, png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(800);
  }
}
