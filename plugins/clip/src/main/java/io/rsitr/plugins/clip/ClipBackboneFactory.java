package io.rsitr.plugins.clip;

import io.rsitr.nn.Activation;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.BackboneFactory;
import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.Parameters;
import java.nio.file.Path;
import java.util.List;

/** Creates the {@code clip} backbone from YAML; every size is a parameter, ViT-B/32 by default. */
public final class ClipBackboneFactory implements BackboneFactory {

  /** {@code ln(1 / 0.07)}, CLIP's initial temperature. */
  public static final double DEFAULT_LOGIT_SCALE = Math.log(1 / 0.07);

  @Override
  public String name() {
    return "clip";
  }

  @Override
  public String description() {
    return "open_clip CLIP dual encoder (ViT image tower, causal text transformer); ViT-B/32 by default";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.ofString("model_config", "",
            "open_clip model config JSON (embed_dim, vision_cfg, text_cfg); when set, its sizes replace the size parameters"),
        ParameterSpec.ofString("weights", "",
            "open_clip/PyTorch .pth or .safetensors weights to start from; empty for random initialisation"),
        ParameterSpec.ofInt("embed_dim", 512, "shared embedding size").atLeast(1),
        ParameterSpec.ofInt("image_size", 224, "input image side in pixels").atLeast(1),
        ParameterSpec.ofInt("patch_size", 32, "ViT patch side in pixels").atLeast(1),
        ParameterSpec.ofInt("vision_width", 768, "image transformer width").atLeast(1),
        ParameterSpec.ofInt("vision_layers", 12, "image transformer blocks").atLeast(1),
        ParameterSpec.ofInt("vision_heads", 12, "image attention heads").atLeast(1),
        ParameterSpec.ofFloat("vision_mlp_ratio", 4.0, "image MLP width as a multiple of vision_width").atLeast(0.01),
        ParameterSpec.ofInt("context_length", 77, "token positions per caption").atLeast(2),
        ParameterSpec.ofInt("vocab_size", 49408, "token ids the text tower embeds").atLeast(3),
        ParameterSpec.ofInt("text_width", 512, "text transformer width").atLeast(1),
        ParameterSpec.ofInt("text_heads", 8, "text attention heads").atLeast(1),
        ParameterSpec.ofInt("text_layers", 12, "text transformer blocks").atLeast(1),
        ParameterSpec.ofFloat("text_mlp_ratio", 4.0, "text MLP width as a multiple of text_width").atLeast(0.01),
        ParameterSpec.ofEnum("activation", "gelu",
            "MLP activation: exact gelu, or quick_gelu for OpenAI-trained weights", "gelu", "quick_gelu"),
        ParameterSpec.ofFloat("init_logit_scale", DEFAULT_LOGIT_SCALE, "initial log similarity scale, ln(1/0.07)"));
  }

  @Override
  public Backbone create(Parameters parameters) {
    String modelConfig = parameters.getString("model_config");
    double logitScale = parameters.getDouble("init_logit_scale");
    ClipSettings settings = modelConfig.isEmpty()
        ? fromParameters(parameters, logitScale)
        : OpenClipModelConfig.read(Path.of(modelConfig), logitScale);
    String weights = parameters.getString("weights");
    return new ClipBackbone(settings, weights.isEmpty() ? null : Path.of(weights));
  }

  private static ClipSettings fromParameters(Parameters p, double logitScale) {
    int visionWidth = p.getInt("vision_width");
    int textWidth = p.getInt("text_width");
    return new ClipSettings(
        p.getInt("embed_dim"),
        p.getInt("image_size"),
        p.getInt("patch_size"),
        visionWidth,
        p.getInt("vision_layers"),
        p.getInt("vision_heads"),
        (int) Math.round(visionWidth * p.getDouble("vision_mlp_ratio")),
        p.getInt("context_length"),
        p.getInt("vocab_size"),
        textWidth,
        p.getInt("text_heads"),
        p.getInt("text_layers"),
        (int) Math.round(textWidth * p.getDouble("text_mlp_ratio")),
        Activation.fromYamlName(p.getString("activation")),
        logitScale);
  }
}
