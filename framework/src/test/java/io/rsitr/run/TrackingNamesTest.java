package io.rsitr.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingNamesTest {

  @Test
  void invalidStepMetricsAreListedTogether() {
    assertThatThrownBy(() -> TrackingNames.checkStepMetrics(List.of("loss", "loss (itc)!", "/lead"), "smoke"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("MLflow would reject 2 names of the training graph of experiment 'smoke'")
        .hasMessageContaining("Invalid MLflow key 'train/loss (itc)!'")
        .hasMessageContaining("Invalid MLflow key 'train//lead'")
        .hasMessageNotContaining("'train/loss'");
  }

  @Test
  void validStepMetricsPass() {
    TrackingNames.checkStepMetrics(List.of("loss", "loss_itc", "logit_scale"), "smoke");

    assertThat(TrackingNames.evaluationMetricKeys()).as("validation and test keys checked up front")
        .contains("val/mr", "test/mr", "test/i2t_r1", "val/dual_mr", "test/t2i_ece", "test/selected_epoch");
  }
}
