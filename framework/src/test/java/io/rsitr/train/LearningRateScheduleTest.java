package io.rsitr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  // The reference settings: 2e-7 to 2e-5, warm-up over 10 % of 1,000 steps.
  private final LearningRateSchedule schedule = LearningRateSchedule.withWarmupFraction(2e-7, 2e-5, 0.1, 1000);

  @Test
  void warmupStartsAtMinimum() {
    assertThat(schedule.at(0)).as("step 0").isCloseTo(2e-7, within(1e-15));
  }

  @Test
  void warmupIsLinear() {
    assertThat(schedule.warmupSteps()).isEqualTo(100);
    assertThat(schedule.at(50)).as("half-way through warm-up").isCloseTo(2e-7 + 0.5 * (2e-5 - 2e-7), within(1e-15));
  }

  @Test
  void warmupEndsAtMaximum() {
    assertThat(schedule.at(100)).as("first step after warm-up").isCloseTo(2e-5, within(1e-15));
  }

  @Test
  void cosineReachesMinimumAtTheEnd() {
    double lastProgress = (999 - 100) / 900.0;
    double expectedLast = 2e-7 + 0.5 * (2e-5 - 2e-7) * (1 + Math.cos(Math.PI * lastProgress));
    assertThat(schedule.at(999)).as("last step").isCloseTo(expectedLast, within(1e-15));
    assertThat(schedule.at(999)).as("last step is near min_lr").isLessThan(2.01e-7);
    assertThat(schedule.at(550)).as("cosine midpoint").isCloseTo((2e-5 + 2e-7) / 2, within(1e-15));
  }

  @Test
  void rejectsWarmupLongerThanTraining() {
    assertThatThrownBy(() -> new LearningRateSchedule(1e-7, 1e-5, 11, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warm-up steps must lie in [0, 10]");
  }
}
