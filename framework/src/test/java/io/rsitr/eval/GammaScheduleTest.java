package io.rsitr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GammaScheduleTest {

  /** The reference keeps γ in float32, and its 18 steps differ from float64 by up to 4.2e-7. */
  private static final Offset<Double> FIXTURE_TOLERANCE = within(1e-5);

  private static final Offset<Double> EXACT = within(1e-12);

  @Test
  void followsReferenceTrajectories() throws IOException {
    Path fixture = SharedFiles.require("fixtures/tc_loss_dev.json");
    JsonNode trajectories = new ObjectMapper().readTree(fixture.toFile()).get("gamma_trajectories");
    assertThat(trajectories).as("gamma_trajectories in " + fixture).isNotNull().isNotEmpty();
    SoftAssertions softly = new SoftAssertions();

    for (int index = 0; index < trajectories.size(); index++) {
      JsonNode trajectory = trajectories.get(index);
      GammaSchedule schedule = new GammaSchedule(new GammaSchedule.Settings(
          trajectory.get("initial_gamma_i2t").asDouble(),
          trajectory.get("initial_gamma_t2i").asDouble(),
          trajectory.get("min_gamma").asDouble(),
          trajectory.get("max_gamma").asDouble(),
          trajectory.get("max_change").asDouble(),
          trajectory.get("alpha").asDouble()));

      JsonNode steps = trajectory.get("steps");
      for (int step = 0; step < steps.size(); step++) {
        JsonNode expected = steps.get(step);
        schedule.update(expected.get("gap_i2t").asDouble(), expected.get("gap_t2i").asDouble());

        String label = "trajectory " + index + " step " + step + " ";
        softly.assertThat(schedule.gammaI2t()).as(label + "gamma i2t")
            .isCloseTo(expected.get("gamma_i2t").asDouble(), FIXTURE_TOLERANCE);
        softly.assertThat(schedule.gammaT2i()).as(label + "gamma t2i")
            .isCloseTo(expected.get("gamma_t2i").asDouble(), FIXTURE_TOLERANCE);
      }
    }
    softly.assertAll();
  }

  @Test
  void flipsAtMostOneDirectionPerUpdate() {
    GammaSchedule schedule =
        new GammaSchedule(new GammaSchedule.Settings(1.0, 1.0, -1.0, 5.0, 1.0, 0.5));
    double shrunk = Math.tanh(-3.0) + 1.0;

    schedule.update(-3.0, -3.0);

    assertThat(schedule.gammaI2t()).as("i2t falls below 0.5 and flips").isCloseTo(-0.5, EXACT);
    assertThat(schedule.gammaT2i()).as("t2i also falls below 0.5 but waits")
        .isCloseTo(shrunk, EXACT);

    schedule.update(0.0, 0.0);

    assertThat(schedule.gammaI2t()).as("|-0.5| is not below 0.5").isCloseTo(-0.5, EXACT);
    assertThat(schedule.gammaT2i()).as("t2i flips once i2t does not").isCloseTo(-0.5, EXACT);
  }

  @Test
  void changePerUpdateIsLimited() {
    GammaSchedule schedule = new GammaSchedule(GammaSchedule.Settings.defaults());

    schedule.update(2.0, -2.0);

    assertThat(schedule.gammaI2t()).as("target 2(tanh 2 + 1) = 3.93, limited to +0.2")
        .isCloseTo(2.2, EXACT);
    assertThat(schedule.gammaT2i()).as("target 0.07, limited to -0.2").isCloseTo(1.8, EXACT);
  }

  @Test
  void targetIsClampedToRange() {
    GammaSchedule schedule =
        new GammaSchedule(new GammaSchedule.Settings(4.0, 4.0, -1.0, 5.0, 10.0, 0.1));

    schedule.update(1.0, 0.0);

    assertThat(schedule.gammaI2t()).as("target 4(tanh 1 + 1) = 7.05, clamped to 5")
        .isCloseTo(5.0, EXACT);
    assertThat(schedule.gammaT2i()).as("gap 0 keeps gamma").isCloseTo(4.0, EXACT);
  }

  @Test
  void rejectsInvalidSettingsAndGaps() {
    assertThatThrownBy(() -> new GammaSchedule.Settings(2, 2, 5, -1, 0.2, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minGamma 5.0 is larger than maxGamma -1.0");
    assertThatThrownBy(() -> new GammaSchedule.Settings(2, 2, -1, 5, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxChange is 0.0");

    GammaSchedule schedule = new GammaSchedule(GammaSchedule.Settings.defaults());
    assertThatThrownBy(() -> schedule.update(Double.NaN, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gapI2t is NaN");
    assertThat(schedule.gammaI2t()).as("a rejected update changes nothing").isCloseTo(2.0, EXACT);
  }
}
