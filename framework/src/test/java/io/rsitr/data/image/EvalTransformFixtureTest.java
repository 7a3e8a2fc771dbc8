package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the evaluation pipeline with pixels that the Python reference (PIL decoding,
 * torchvision {@code Resize(64, BICUBIC)}, {@code CenterCrop(64)}, CLIP {@code Normalize})
 * produced for four RSICD images.
 */
class EvalTransformFixtureTest {

  private static final Logger LOG = LoggerFactory.getLogger(EvalTransformFixtureTest.class);

  private static final int SIZE = 64;

  /**
   * Per-image mean absolute error allowed in normalised units. One 8-bit step is about 0.015
   * after division by the CLIP std. With JDK 17 the measured error is about 3e-8, because every
   * 8-bit value matches and only the decimal rounding of the JSON numbers remains. The bound
   * fails when more than about 0.7 % of the samples are one step off.
   */
  private static final double MAX_MEAN_ABSOLUTE_ERROR = 1e-4;

  @Test
  void evalTransformMatchesReferencePixels() throws IOException {
    Path fixture = SharedFiles.require("fixtures/clip_tiny/clip_tiny_outputs.json");
    JsonNode root = new ObjectMapper().readTree(fixture.toFile());
    JsonNode images = root.get("images");
    JsonNode pixels = root.get("pixels_nchw");
    assertThat(images.size()).as("images in the fixture").isEqualTo(pixels.size());

    EvalTransform transform = new EvalTransform(SIZE);
    for (int index = 0; index < images.size(); index++) {
      String name = images.get(index).asText();
      Path file = SharedFiles.require("data/rsicd/rsicd_images/" + name);

      float[] actualHwc = transform.apply(file);
      double meanAbsoluteError = meanAbsoluteError(actualHwc, pixels.get(index));
      LOG.info("{}: mean absolute error {} against the reference pixels", name,
          meanAbsoluteError);

      assertThat(actualHwc).as("HWC output of %s", name).hasSize(SIZE * SIZE * 3);
      assertThat(meanAbsoluteError).as("mean absolute error of %s", name)
          .isLessThan(MAX_MEAN_ABSOLUTE_ERROR);
    }
  }

  /** Compares HWC output with one CHW reference image given as nested JSON lists. */
  private static double meanAbsoluteError(float[] actualHwc, JsonNode expectedChw) {
    double sum = 0.0;
    int count = 0;
    for (int channel = 0; channel < 3; channel++) {
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double expected = expectedChw.get(channel).get(y).get(x).asDouble();
          double actual = actualHwc[(y * SIZE + x) * 3 + channel];
          sum += Math.abs(actual - expected);
          count++;
        }
      }
    }
    return sum / count;
  }
}
