package io.rsitr.plugins.datasets;

import java.util.List;

/**
 * The textured background of a synthetic image: a base colour, a mild texture and the phrases
 * captions use for it.
 *
 * <p>The texture amplitude stays small next to the distance between the ground colour and the
 * shape colours, so colour and shape remain the dominant signal. Each ground names one shape
 * colour that would blend into it; the generator never draws that colour on that ground.
 */
public enum Ground {
  GREY(new int[] {128, 128, 128}, null, List.of("grey ground", "a grey surface", "grey concrete")),
  SAND(new int[] {196, 176, 128}, null, List.of("sandy ground", "sand", "a sandy desert")),
  GRASS(new int[] {84, 122, 66}, ShapeColor.GREEN, List.of("grassland", "a grassy field", "grass")),
  WATER(new int[] {52, 88, 138}, ShapeColor.BLUE, List.of("water", "a lake", "calm water"));

  private final int[] baseColor;
  private final ShapeColor blendingColor;
  private final List<String> phrases;

  Ground(int[] baseColor, ShapeColor blendingColor, List<String> phrases) {
    this.baseColor = baseColor;
    this.blendingColor = blendingColor;
    this.phrases = phrases;
  }

  /** Returns channel {@code c} (0 red, 1 green, 2 blue) of the untextured ground, in 0..255. */
  public int channel(int c) {
    return baseColor[c];
  }

  /** Returns whether a shape of this colour stays clearly visible on this ground. */
  public boolean contrastsWith(ShapeColor color) {
    return color != blendingColor;
  }

  /** Returns noun phrases that name this ground in captions, for example {@code sandy ground}. */
  public List<String> phrases() {
    return phrases;
  }

  /**
   * Returns the brightness offset of the texture at pixel {@code (x, y)}, at most about ±14.
   *
   * @param noise a uniform pseudo-random value in [-1, 1] for this pixel
   */
  public int textureOffset(int x, int y, double noise) {
    return switch (this) {
      case GREY -> (int) Math.round(10 * noise);
      case SAND -> ((x + y) % 8 < 4 ? 6 : -6) + (int) Math.round(6 * noise);
      case GRASS -> (int) Math.round(14 * noise);
      case WATER -> (int) Math.round(8 * Math.sin(0.8 * y + Math.sin(0.3 * x)) + 4 * noise);
    };
  }
}
