package io.rsitr.plugins.baselines;

import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.InteractionFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.List;

/** Creates the {@code none} interaction, which has no parameters. */
public final class NoInteractionFactory implements InteractionFactory {

  @Override
  public String name() {
    return "none";
  }

  @Override
  public String description() {
    return "no interaction: the plain dual encoder, without matching loss or re-ranking";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  @Override
  public Interaction create(Parameters parameters) {
    return new NoInteraction();
  }
}
