package io.rsitr.plugins.tc;

import io.rsitr.eval.GammaSchedule;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.LossFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.ArrayList;
import java.util.List;

/** Creates the {@code tc} loss and its per-epoch γ update. */
public final class TcLossFactory implements LossFactory {

  @Override
  public String name() {
    return "tc";
  }

  @Override
  public String description() {
    return "task-specific calibration loss against momentum soft targets, with focusing parameters"
        + " updated each epoch from validation calibration";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.ofFloat("soft_alpha", 0.9,
            "weight α of the identity in the soft targets (0.9 for RSITMD, 0.8 for RSICD)").range(0.0, 1.0),
        ParameterSpec.ofFloat("gamma_i2t", 2.0, "initial focusing parameter γ of image → text"),
        ParameterSpec.ofFloat("gamma_t2i", 2.0, "initial focusing parameter γ of text → image"),
        ParameterSpec.ofFloat("gamma_min", -1.0, "lower clamp of each γ update's target"),
        ParameterSpec.ofFloat("gamma_max", 5.0, "upper clamp of each γ update's target"),
        ParameterSpec.ofFloat("gamma_max_change", 0.2, "largest change of γ in one epoch, positive")
            .atLeast(0.0),
        ParameterSpec.ofFloat("gamma_flip_alpha", 0.1,
            "when |γ| falls below this fraction of its initial value, γ jumps to minus that value")
            .atLeast(0.0),
        ParameterSpec.ofInt("num_bins", 15, "number of equal-mass bins of the validation calibration")
            .atLeast(1),
        ParameterSpec.ofBool("update_gamma", true,
            "update γ after every epoch; false keeps the initial values and only logs the gaps"));
  }

  @Override
  public ContrastiveLoss create(Parameters parameters) {
    checkCrossField(parameters);
    GammaSchedule.Settings settings = new GammaSchedule.Settings(
        parameters.getDouble("gamma_i2t"),
        parameters.getDouble("gamma_t2i"),
        parameters.getDouble("gamma_min"),
        parameters.getDouble("gamma_max"),
        parameters.getDouble("gamma_max_change"),
        parameters.getDouble("gamma_flip_alpha"));
    TcGammaListener listener = new TcGammaListener(
        settings, parameters.getInt("num_bins"), parameters.getBool("update_gamma"));
    return new TcLoss(parameters.getDouble("soft_alpha"), listener);
  }

  /** Reports every limit that spans two parameters or that the declared ranges cannot express. */
  private static void checkCrossField(Parameters parameters) {
    String section = parameters.section();
    List<String> problems = new ArrayList<>();
    double min = parameters.getDouble("gamma_min");
    double max = parameters.getDouble("gamma_max");
    if (min > max) {
      problems.add(section + ".gamma_min " + min + " is larger than " + section + ".gamma_max " + max);
    }
    double maxChange = parameters.getDouble("gamma_max_change");
    if (maxChange <= 0.0) {
      problems.add(section + ".gamma_max_change is " + maxChange + ", but it must be positive");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid tc loss parameters: " + String.join("; ", problems) + "; fix them in the experiment YAML");
    }
  }
}
