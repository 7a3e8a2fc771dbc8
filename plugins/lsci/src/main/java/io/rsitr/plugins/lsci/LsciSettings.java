package io.rsitr.plugins.lsci;

import io.rsitr.plugin.Parameters;

/**
 * Sizes of the LSCI interaction. The reference fixes them in its code, and the defaults are its values
 * (4 text blocks, a 4-layer fusion encoder of width 512 with 8 heads and a 3072-wide feed forward,
 * image tokens of width 768, a 2-layer encoder with a 1024-wide feed forward).
 */
public record LsciSettings(
    int textBlocks,
    int fusionLayers,
    int fusionHeads,
    int fusionFfn,
    boolean fusionCausal,
    int imageWidth,
    int hidden,
    int encoderLayers,
    int encoderHeads,
    int encoderFfn,
    boolean maskPadding,
    double dropout) {

  public LsciSettings {
    if (hidden % fusionHeads != 0) {
      throw new IllegalArgumentException("interaction.hidden " + hidden + " is not divisible by interaction.fusion_heads "
          + fusionHeads);
    }
    if (hidden % encoderHeads != 0) {
      throw new IllegalArgumentException("interaction.hidden " + hidden
          + " is not divisible by interaction.encoder_heads " + encoderHeads);
    }
  }

  static LsciSettings from(Parameters p) {
    return new LsciSettings(
        p.getInt("text_blocks"),
        p.getInt("fusion_layers"),
        p.getInt("fusion_heads"),
        p.getInt("fusion_ffn"),
        p.getBool("fusion_causal"),
        p.getInt("image_width"),
        p.getInt("hidden"),
        p.getInt("encoder_layers"),
        p.getInt("encoder_heads"),
        p.getInt("encoder_ffn"),
        p.getBool("mask_padding"),
        p.getDouble("dropout"));
  }
}
