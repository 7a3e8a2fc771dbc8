package io.rsitr.track;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MlflowNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "loss", "train/loss", "val/i2t_r1", "test/mr", "lr schedule", "a:b", "x-y.z", "r\u00e9sum\u00e9",
      "a..b", "a/b/c"})
  void validKeysAccepted(String key) {
    assertThatCode(() -> MlflowNames.validateKey(key)).as(key).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "/loss", "loss/", "train//loss", "./loss", "train/./loss", "train/../loss", "..loss",
      "..", ".", "a*b", "a\\b", "a\tb", "loss?", "a,b", "a=b"})
  void invalidKeysRejected(String key) {
    assertThatThrownBy(() -> MlflowNames.validateKey(key))
        .as("key '%s'", key)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid MLflow key");
  }

  @Test
  void keyLengthLimitIs250() {
    assertThatCode(() -> MlflowNames.validateKey("k".repeat(250))).doesNotThrowAnyException();
    assertThatThrownBy(() -> MlflowNames.validateKey("k".repeat(251)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("251 characters");
  }

  @Test
  void nullKeyRejected() {
    assertThatThrownBy(() -> MlflowNames.validateKey(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void paramValueLimitIs6000() {
    assertThatCode(() -> MlflowNames.validateParamValue("p", "v".repeat(6000)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> MlflowNames.validateParamValue("p", "v".repeat(6001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("param 'p'");
  }

  @Test
  void tagValueLimitIs8000() {
    assertThatCode(() -> MlflowNames.validateTagValue("t", "v".repeat(8000)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> MlflowNames.validateTagValue("t", "v".repeat(8001)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void experimentNameChecked() {
    assertThatThrownBy(() -> MlflowNames.validateExperimentName(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MlflowNames.validateExperimentName("n".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> MlflowNames.validateExperimentName("rsicd / clip"))
        .doesNotThrowAnyException();
  }
}
