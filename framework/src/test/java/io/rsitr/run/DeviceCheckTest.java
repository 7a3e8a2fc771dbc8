package io.rsitr.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.plugin.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceCheckTest {

  private static Parameters runtime(String device, boolean requireGpu) {
    return new Parameters("runtime", Map.of("device", device, "require_gpu", requireGpu));
  }

  @Test
  void cpuDeviceResolvesToCpu() {
    assertThat(DeviceCheck.resolve(runtime("cpu", false))).isEqualTo("cpu");
  }

  @Test
  void autoDeviceFallsBackToVisibleDevice() {
    // The CPU build finds no GPU, so auto resolves to cpu. The GPU build resolves to gpu.
    assertThat(DeviceCheck.resolve(runtime("auto", false))).isIn("cpu", "gpu");
  }

  @Test
  void requiredGpuWithoutOneFailsClearly() {
    // Only meaningful on machines without a visible GPU, which the CPU build always is.
    if (DeviceCheck.resolve(runtime("auto", false)).equals("gpu")) {
      return;
    }
    assertThatThrownBy(() -> DeviceCheck.resolve(runtime("auto", true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runtime.require_gpu: true")
        .hasMessageContaining("sees no GPU")
        .hasMessageContaining("-Pgpu");
    assertThatThrownBy(() -> DeviceCheck.resolve(runtime("gpu", false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runtime.device is gpu");
  }
}
