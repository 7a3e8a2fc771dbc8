package io.rsitr.plugins.lsci;

import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.InteractionFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.util.List;

/** Creates the {@code lsci} interaction; defaults are the sizes the reference fixes in its code. */
public final class LsciInteractionFactory implements InteractionFactory {

  @Override
  public String name() {
    return "lsci";
  }

  @Override
  public String description() {
    return "local semantic consistency interaction with image-text matching (LSCI-TC)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.ofInt("text_blocks", 4, "own text blocks, copied from the text tower's first blocks").atLeast(0),
        ParameterSpec.ofInt("fusion_layers", 4, "layers of the shared fusion encoder").atLeast(1),
        ParameterSpec.ofInt("fusion_heads", 8, "attention heads of the fusion encoder").atLeast(1),
        ParameterSpec.ofInt("fusion_ffn", 3072, "feed-forward width of the fusion encoder").atLeast(1),
        ParameterSpec.ofBool("fusion_causal", true,
            "causal self-attention in the fusion encoder, as the reference's decoder configuration gives"),
        ParameterSpec.ofInt("image_width", 768, "width of the backbone's image local tokens").atLeast(1),
        ParameterSpec.ofInt("hidden", 512, "width of the fusion and consistency encoders").atLeast(1),
        ParameterSpec.ofInt("encoder_layers", 2, "layers of the consistency encoder").atLeast(1),
        ParameterSpec.ofInt("encoder_heads", 8, "attention heads of the consistency encoder").atLeast(1),
        ParameterSpec.ofInt("encoder_ffn", 1024, "feed-forward width of the consistency encoder").atLeast(1),
        ParameterSpec.ofBool("mask_padding", false,
            "hide padded positions from attention; the reference attends over them"),
        ParameterSpec.ofFloat("dropout", 0.1, "dropout rate in the fusion and consistency encoders").range(0.0, 0.9));
  }

  @Override
  public Interaction create(Parameters parameters) {
    return new LsciInteraction(LsciSettings.from(parameters));
  }
}
