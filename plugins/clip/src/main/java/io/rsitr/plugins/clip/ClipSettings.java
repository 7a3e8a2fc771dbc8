package io.rsitr.plugins.clip;

import io.rsitr.nn.Activation;

/**
 * Sizes of a CLIP dual encoder, named as open_clip's model configuration names them.
 *
 * <p>The defaults of the {@code clip} plugin are ViT-B/32: image 224, patch 32, width 768, 12
 * layers, 12 heads; text width 512, 8 heads, 12 layers, context 77, vocabulary 49408; embedding 512.
 */
public record ClipSettings(
    int embedDim,
    int imageSize,
    int patchSize,
    int visionWidth,
    int visionLayers,
    int visionHeads,
    int visionMlpWidth,
    int contextLength,
    int vocabSize,
    int textWidth,
    int textHeads,
    int textLayers,
    int textMlpWidth,
    Activation activation,
    double initLogitScale) {

  public ClipSettings {
    requirePositive("embed_dim", embedDim);
    requirePositive("image_size", imageSize);
    requirePositive("patch_size", patchSize);
    requirePositive("vision_width", visionWidth);
    requirePositive("vision_layers", visionLayers);
    requirePositive("vision_heads", visionHeads);
    requirePositive("context_length", contextLength);
    requirePositive("vocab_size", vocabSize);
    requirePositive("text_width", textWidth);
    requirePositive("text_heads", textHeads);
    requirePositive("text_layers", textLayers);
    if (imageSize % patchSize != 0) {
      throw new IllegalArgumentException("backbone.image_size " + imageSize + " is not a multiple of backbone.patch_size "
          + patchSize + "; choose sizes where the patches tile the image");
    }
    if (visionWidth % visionHeads != 0) {
      throw new IllegalArgumentException("backbone.vision_width " + visionWidth + " is not divisible by backbone.vision_heads "
          + visionHeads);
    }
    if (textWidth % textHeads != 0) {
      throw new IllegalArgumentException("backbone.text_width " + textWidth + " is not divisible by backbone.text_heads "
          + textHeads);
    }
  }

  /** Returns the number of patches along one side of the image. */
  public int grid() {
    return imageSize / patchSize;
  }

  /** Returns the number of image tokens: one per patch plus the class token. */
  public int imageTokens() {
    return grid() * grid() + 1;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("backbone." + name + " must be positive, got " + value);
    }
  }
}
