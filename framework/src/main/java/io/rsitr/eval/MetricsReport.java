package io.rsitr.eval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recall and calibration of one scored split, in both retrieval directions.
 *
 * <p>Serialised with Jackson as {@code {"recall": {"i2t_r1", ..., "mr"}, "calibration":
 * {"i2t_ece", "i2t_mean_gap", "t2i_ece", "t2i_mean_gap"}}}, recall in percent. The per-bin
 * statistics are available from {@link #i2tCalibration()} and {@link #t2iCalibration()} but are
 * not serialised.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.NONE,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
@JsonPropertyOrder({"recall", "calibration"})
public final class MetricsReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Recall recall;
  private final CalibrationResult i2tCalibration;
  private final CalibrationResult t2iCalibration;

  public MetricsReport(
      Recall recall, CalibrationResult i2tCalibration, CalibrationResult t2iCalibration) {
    if (recall == null || i2tCalibration == null || t2iCalibration == null) {
      throw new IllegalArgumentException("recall and both calibration results must not be null");
    }
    this.recall = recall;
    this.i2tCalibration = i2tCalibration;
    this.t2iCalibration = t2iCalibration;
  }

  /**
   * Computes recall and calibration in both directions.
   *
   * @param scoresI2t images × captions
   * @param scoresT2i captions × images
   * @param numBins number of equal-mass calibration bins
   */
  public static MetricsReport compute(
      ScoreMatrix scoresI2t, ScoreMatrix scoresT2i, GroundTruth groundTruth, int numBins) {
    return new MetricsReport(
        RetrievalMetrics.compute(scoresI2t, scoresT2i, groundTruth),
        Calibration.i2t(scoresI2t, groundTruth, numBins),
        Calibration.t2i(scoresT2i, groundTruth, numBins));
  }

  /**
   * Reads one case file and computes its report. The file is a JSON object with
   * {@code scores_i2t} (images × texts), {@code scores_t2i} (texts × images), {@code img2txt}
   * (caption indices of each image), {@code txt2img} (image index of each caption) and
   * {@code num_bins}. Other keys are ignored.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file is not valid JSON, a key is missing, or the
   *     shapes or the ground truth are inconsistent. The message names the file and the key.
   */
  public static MetricsReport fromCaseJson(Path file) throws IOException {
    CaseFileReader.Contents contents = CaseFileReader.read(file);
    int numImages = contents.img2txt().length;
    int numTexts = contents.txt2img().length;
    checkShape(
        file, CaseFileReader.SCORES_I2T, contents.scoresI2t(), numImages, numTexts,
        "images x texts");
    checkShape(
        file, CaseFileReader.SCORES_T2I, contents.scoresT2i(), numTexts, numImages,
        "texts x images");
    if (contents.numBins() < 1) {
      throw new IllegalArgumentException(
          "case file " + file + ": key '" + CaseFileReader.NUM_BINS + "' is "
              + contents.numBins() + ", but it must be at least 1");
    }

    GroundTruth groundTruth;
    try {
      groundTruth = new GroundTruth(contents.img2txt(), contents.txt2img());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "case file " + file + ": keys 'img2txt' and 'txt2img' do not describe a valid ground"
              + " truth: " + e.getMessage(),
          e);
    }
    return compute(
        ScoreMatrix.of(contents.scoresI2t()), ScoreMatrix.of(contents.scoresT2i()), groundTruth,
        contents.numBins());
  }

  public Recall recall() {
    return recall;
  }

  public CalibrationResult i2tCalibration() {
    return i2tCalibration;
  }

  public CalibrationResult t2iCalibration() {
    return t2iCalibration;
  }

  /** Returns the report as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to serialise the metrics report", e);
    }
  }

  @JsonProperty("recall")
  Map<String, Double> recallSection() {
    return recall.toMetricMap("");
  }

  @JsonProperty("calibration")
  Map<String, Double> calibrationSection() {
    Map<String, Double> section = new LinkedHashMap<>();
    section.put("i2t_ece", i2tCalibration.ece());
    section.put("i2t_mean_gap", i2tCalibration.meanGap());
    section.put("t2i_ece", t2iCalibration.ece());
    section.put("t2i_mean_gap", t2iCalibration.meanGap());
    return section;
  }

  private static void checkShape(
      Path file,
      String key,
      double[][] scores,
      int expectedRows,
      int expectedColumns,
      String meaning) {
    int columns = scores[0].length;
    if (scores.length != expectedRows || columns != expectedColumns) {
      throw new IllegalArgumentException(
          "case file " + file + ": key '" + key + "' has shape " + scores.length + "x" + columns
              + " but img2txt and txt2img need " + expectedRows + "x" + expectedColumns
              + " (" + meaning + ")");
    }
  }
}
