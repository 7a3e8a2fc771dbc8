package io.rsitr.plugins.clip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.nn.Activation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an open_clip model configuration ({@code model_configs/*.json}: {@code embed_dim},
 * {@code vision_cfg}, {@code text_cfg}, optional {@code quick_gelu}) into {@link ClipSettings}.
 *
 * <p>A file whose top level has no {@code vision_cfg} but a {@code clip} object, as written for a
 * CLIP model with an interaction beside it, is read from that object.
 *
 * <p>open_clip's defaults apply to absent keys: vision heads = width / {@code head_width} (64),
 * MLP ratio 4, text context 77, vocabulary 49408, text heads 8.
 */
public final class OpenClipModelConfig {

  /** Top-level key of the model configuration in a file that also describes an interaction. */
  public static final String NESTED_KEY = "clip";

  private OpenClipModelConfig() {}

  public static ClipSettings read(Path file, double initLogitScale) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read open_clip model config " + file + ": " + e.getMessage()
          + "; pass a model_configs/*.json file of open_clip", e);
    }
    boolean nested = !root.has("vision_cfg") && root.path(NESTED_KEY).isObject();
    return fromJson(nested ? root.get(NESTED_KEY) : root, file, initLogitScale);
  }

  /**
   * Reads the configuration from an already parsed object.
   *
   * @param file the file it came from, named in error messages
   */
  public static ClipSettings fromJson(JsonNode root, Path file, double initLogitScale) {
    JsonNode vision = require(root, "vision_cfg", file);
    JsonNode text = require(root, "text_cfg", file);

    int visionWidth = requireInt(vision, "width", file);
    int headWidth = vision.path("head_width").asInt(64);
    double visionRatio = vision.path("mlp_ratio").asDouble(4.0);
    int textWidth = requireInt(text, "width", file);
    double textRatio = text.path("mlp_ratio").asDouble(4.0);
    Activation activation = root.path("quick_gelu").asBoolean(false) ? Activation.QUICK_GELU : Activation.GELU;

    return new ClipSettings(
        requireInt(root, "embed_dim", file),
        requireInt(vision, "image_size", file),
        requireInt(vision, "patch_size", file),
        visionWidth,
        requireInt(vision, "layers", file),
        visionWidth / headWidth,
        (int) Math.round(visionWidth * visionRatio),
        text.path("context_length").asInt(77),
        text.path("vocab_size").asInt(49408),
        textWidth,
        text.path("heads").asInt(8),
        requireInt(text, "layers", file),
        (int) Math.round(textWidth * textRatio),
        activation,
        initLogitScale);
  }

  private static JsonNode require(JsonNode node, String key, Path file) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException("open_clip model config " + file + " has no object '" + key + "'");
    }
    return value;
  }

  private static int requireInt(JsonNode node, String key, Path file) {
    JsonNode value = node.get(key);
    if (value == null || !value.canConvertToInt()) {
      throw new IllegalArgumentException("open_clip model config " + file + " has no integer '" + key + "'");
    }
    return value.asInt();
  }
}
