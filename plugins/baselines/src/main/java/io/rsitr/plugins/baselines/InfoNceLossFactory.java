package io.rsitr.plugins.baselines;

import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.LossFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.List;

/** Creates the {@code infonce} loss. */
public final class InfoNceLossFactory implements LossFactory {

  @Override
  public String name() {
    return "infonce";
  }

  @Override
  public String description() {
    return "symmetric cross-entropy of exp(logit_scale)·v·tᵀ + logit_bias, optionally against momentum soft targets";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.ofBool("momentum_targets", false,
            "compare online against momentum embeddings with soft targets, as the tc loss does"),
        ParameterSpec.ofFloat("soft_alpha", 0.9,
            "weight α of the identity in the soft targets; the tc loss has the same default").range(0.0, 1.0));
  }

  @Override
  public ContrastiveLoss create(Parameters parameters) {
    return new InfoNceLoss(parameters.getBool("momentum_targets"), parameters.getDouble("soft_alpha"));
  }
}
