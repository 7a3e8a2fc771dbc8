package io.rsitr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that {@link MetricsReport#fromCaseJson} names the file and the key in every error. */
class RecallCaseFileValidationTest {

  private static final String SCORES_I2T = "\"scores_i2t\": [[3, 1, 0], [0, 1, 2]]";
  private static final String SCORES_T2I = "\"scores_t2i\": [[3, 0], [1, 1], [0, 2]]";
  private static final String IMG2TXT = "\"img2txt\": [[0, 1], [2]]";
  private static final String TXT2IMG = "\"txt2img\": [0, 0, 1]";
  private static final String NUM_BINS = "\"num_bins\": 2";

  @TempDir Path tempDir;

  @Test
  void readsValidCase() throws IOException {
    Path file = write("valid.json",
            SCORES_I2T, SCORES_T2I, IMG2TXT, TXT2IMG, NUM_BINS, "\"note\": {\"x\": [1]}");

    MetricsReport report = MetricsReport.fromCaseJson(file);

    assertThat(report.recall().i2tR1()).isCloseTo(100.0, within(1e-9));
    assertThat(report.recall().t2iR1()).as("caption 1 ties between both images and ranks 1")
        .isCloseTo(200.0 / 3.0, within(1e-9));
    assertThat(report.i2tCalibration().bins()).hasSize(2);
  }

  @Test
  void missingImg2txtNamesKeyAndFile() throws IOException {
    Path file = write("no_img2txt.json", SCORES_I2T, SCORES_T2I, TXT2IMG, NUM_BINS);

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'img2txt'")
        .hasMessageContaining("missing")
        .hasMessageContaining(file.toString());
  }

  @Test
  void raggedScoreMatrixNamesKeyRowAndFile() throws IOException {
    Path file = write("ragged.json",
            "\"scores_i2t\": [[3, 1, 0], [0, 1]]", SCORES_T2I, IMG2TXT, TXT2IMG, NUM_BINS);

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'scores_i2t' row 1 has 2 values but row 0 has 3")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 1");
  }

  @Test
  void transposedScoreMatrixNamesKeyAndShapes() throws IOException {
    Path file = write("transposed.json",
            "\"scores_i2t\": [[3, 0], [1, 1], [0, 2]]", SCORES_T2I, IMG2TXT, TXT2IMG, NUM_BINS);

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'scores_i2t' has shape 3x2")
        .hasMessageContaining("need 2x3 (images x texts)")
        .hasMessageContaining(file.toString());
  }

  @Test
  void textInScoreMatrixNamesKeyAndPosition() throws IOException {
    Path file = write("text.json",
            SCORES_I2T, "\"scores_t2i\": [[3, 0], [1, \"x\"], [0, 2]]", IMG2TXT, TXT2IMG, NUM_BINS);

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'scores_t2i' row 1 column 1 is the string \"x\", expected a number")
        .hasMessageContaining(file.toString());
  }

  @Test
  void inconsistentGroundTruthNamesBothKeys() throws IOException {
    Path file = write("disagree.json",
            SCORES_I2T, SCORES_T2I, IMG2TXT, "\"txt2img\": [0, 1, 1]", NUM_BINS);

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'img2txt' and 'txt2img'")
        .hasMessageContaining("caption 1 is listed under image 0")
        .hasMessageContaining(file.toString());
  }

  @Test
  void fractionalNumBinsIsRejected() throws IOException {
    Path file = write("bins.json", SCORES_I2T, SCORES_T2I, IMG2TXT, TXT2IMG, "\"num_bins\": 2.5");

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'num_bins' is 2.5, expected an integer");
  }

  @Test
  void invalidJsonNamesFile() throws IOException {
    Path file = tempDir.resolve("broken.json");
    Files.writeString(file, "{\"scores_i2t\": [[1, 2]");

    assertThatThrownBy(() -> MetricsReport.fromCaseJson(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid JSON");
  }

  private Path write(String name, String... entries) throws IOException {
    Path file = tempDir.resolve(name);
    Files.writeString(file, "{" + String.join(", ", entries) + "}");
    return file;
  }
}
