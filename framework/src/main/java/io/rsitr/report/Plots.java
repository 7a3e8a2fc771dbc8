package io.rsitr.report;

import io.rsitr.eval.CalibrationBin;
import io.rsitr.eval.CalibrationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of one run, drawn with XChart: training curves and the test reliability diagram. */
public final class Plots {

  public static final String TRAINING_CURVES = "training_curves.png";
  public static final String RELIABILITY = "reliability_test.png";

  private static final int WIDTH = 800;
  private static final int PANEL_HEIGHT = 300;

  static {
    // XChart draws into AWT images. Without this, a machine whose DISPLAY names an X server that
    // cannot be reached makes AWT fail, although nothing is ever shown on screen.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Plots() {}

  /**
   * Writes train/loss and train/lr against the step, and val/mr against the step, one panel each.
   * A metric that was never logged gets no panel, and with none at all nothing is written.
   *
   * @return whether the file was written
   */
  public static boolean writeTrainingCurves(MetricHistory history, Path png) throws IOException {
    List<XYChart> panels = new ArrayList<>();
    addPanel(panels, history, "train/loss", "training loss", "0.####");
    addPanel(panels, history, "train/lr", "learning rate", "0.##E0");
    addPanel(panels, history, "val/mr", "validation mR (%)", "0.##");
    if (panels.isEmpty()) {
      return false;
    }
    Files.createDirectories(png.toAbsolutePath().getParent());
    BitmapEncoder.saveBitmap(panels, panels.size(), 1, png.toString(), BitmapFormat.PNG);
    return true;
  }

  /**
   * Writes the reliability diagram of the test split: per non-empty bin, mean confidence against
   * accuracy, for both directions, with the diagonal of perfect calibration.
   */
  public static void writeReliabilityDiagram(CalibrationResult i2t, CalibrationResult t2i, Path png)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(WIDTH)
        .title("Reliability on the test split (ECE i2t " + threeDecimals(i2t.ece()) + ", t2i " + threeDecimals(t2i.ece()) + ")")
        .xAxisTitle("mean confidence").yAxisTitle("accuracy").build();
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    XYSeries diagonal = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
    diagonal.setMarker(SeriesMarkers.NONE);
    addBins(chart, "image to text", i2t);
    addBins(chart, "text to image", t2i);
    Files.createDirectories(png.toAbsolutePath().getParent());
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapFormat.PNG);
  }

  private static void addPanel(
      List<XYChart> panels, MetricHistory history, String key, String yTitle, String yPattern) {
    List<MetricHistory.Point> points = history.series(key);
    if (points.isEmpty()) {
      return;
    }
    double[] steps = points.stream().mapToDouble(MetricHistory.Point::step).toArray();
    double[] values = points.stream().mapToDouble(MetricHistory.Point::value).toArray();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(key)
        .xAxisTitle("step").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisDecimalPattern(yPattern);
    chart.addSeries(key, steps, values);
    panels.add(chart);
  }

  private static void addBins(XYChart chart, String name, CalibrationResult calibration) {
    List<CalibrationBin> bins = calibration.bins().stream().filter(bin -> bin.count() > 0).toList();
    if (bins.isEmpty()) {
      return;
    }
    double[] confidence = bins.stream().mapToDouble(CalibrationBin::meanConfidence).toArray();
    double[] accuracy = bins.stream().mapToDouble(CalibrationBin::accuracy).toArray();
    chart.addSeries(name, confidence, accuracy);
  }

  private static String threeDecimals(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
