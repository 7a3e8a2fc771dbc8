package io.rsitr.plugins.tc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.ParameterType;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginModule;
import io.rsitr.plugin.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TcLossFactoryTest {

  @Test
  void declaresMethodDefaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (ParameterSpec spec : new TcLossFactory().parameters()) {
      defaults.put(spec.name(), spec.defaultValue());
    }

    assertThat(defaults).containsExactly(
        Map.entry("soft_alpha", 0.9),
        Map.entry("gamma_i2t", 2.0),
        Map.entry("gamma_t2i", 2.0),
        Map.entry("gamma_min", -1.0),
        Map.entry("gamma_max", 5.0),
        Map.entry("gamma_max_change", 0.2),
        Map.entry("gamma_flip_alpha", 0.1),
        Map.entry("num_bins", 15),
        Map.entry("update_gamma", true));
  }

  @Test
  void declaresParameterTypesAndLimits() {
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    new TcLossFactory().parameters().forEach(spec -> specs.put(spec.name(), spec));

    assertThat(specs.get("soft_alpha").min()).isEqualTo(0.0);
    assertThat(specs.get("soft_alpha").max()).isEqualTo(1.0);
    assertThat(specs.get("num_bins").type()).isEqualTo(ParameterType.INT);
    assertThat(specs.get("num_bins").min()).isEqualTo(1.0);
    assertThat(specs.get("update_gamma").type()).isEqualTo(ParameterType.BOOL);
    assertThat(specs.get("gamma_flip_alpha").min()).isEqualTo(0.0);
  }

  @Test
  void createsListenerWithConfiguredInitialGamma() {
    TcLoss loss = (TcLoss) new TcLossFactory().create(
        TestParameters.of(new TcLossFactory(), Map.of("gamma_i2t", 1.25, "gamma_t2i", -0.75)));

    assertThat(loss.gammaListener().gammaI2t()).isEqualTo(1.25);
    assertThat(loss.gammaListener().gammaT2i()).isEqualTo(-0.75);
  }

  @Test
  void rejectsEveryInvalidGammaLimit() {
    TcLossFactory factory = new TcLossFactory();
    Map<String, Object> overrides = Map.of("gamma_min", 6.0, "gamma_max", 5.0, "gamma_max_change", 0.0);

    assertThatThrownBy(() -> factory.create(TestParameters.of(factory, overrides)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loss.gamma_min 6.0 is larger than loss.gamma_max 5.0")
        .hasMessageContaining("loss.gamma_max_change is 0.0, but it must be positive");
  }

  @Test
  void moduleRegistersTcLoss() {
    PluginRegistry registry = PluginRegistry.fromModules(List.of(new TcPluginModule()));

    assertThat(registry.factories(PluginKind.LOSS)).containsOnlyKeys("tc");
    assertThat(registry.factory(PluginKind.LOSS, "tc")).isInstanceOf(TcLossFactory.class);
  }

  @Test
  void serviceFileListsModule() {
    List<String> modules = ServiceLoader.load(PluginModule.class).stream()
        .map(provider -> provider.type().getName())
        .toList();

    assertThat(modules).contains(TcPluginModule.class.getName());
  }
}
