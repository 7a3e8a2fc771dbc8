package io.rsitr.plugins.datasets;

import io.rsitr.data.image.RgbImage;

/**
 * Draws a {@link SyntheticScene} as a square 8-bit RGB image. Stateless and thread-safe; the
 * same scene and size always give the same pixels.
 */
final class SceneRenderer {

  /** Half-extent of a large shape as a fraction of its cell side; below 0.5 keeps it inside its cell. */
  private static final double LARGE_HALF_EXTENT = 0.46;
  private static final double SMALL_HALF_EXTENT = 0.30;

  private SceneRenderer() {}

  static RgbImage render(SyntheticScene scene, int size) {
    double cellSide = size / (double) GridCell.SIDE;
    byte[] rgb = new byte[size * size * RgbImage.CHANNELS];
    Ground ground = scene.ground();

    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        SceneShape shape = shapeAt(scene, x + 0.5, y + 0.5, cellSide);
        double noise = SyntheticSeeds.pixelNoise(scene.textureSeed(), x, y);
        int offset = (y * size + x) * RgbImage.CHANNELS;
        for (int c = 0; c < RgbImage.CHANNELS; c++) {
          // Shapes get a quarter of the noise so their colour stays saturated but not flat.
          int value = shape == null
              ? ground.channel(c) + ground.textureOffset(x, y, noise)
              : shape.color().channel(c) + (int) Math.round(4 * noise);
          rgb[offset + c] = (byte) Math.max(0, Math.min(255, value));
        }
      }
    }
    return new RgbImage(size, size, rgb);
  }

  /** Returns the pixel centre of a shape in image coordinates. */
  static double[] centreOf(SceneShape shape, int size) {
    double cellSide = size / (double) GridCell.SIDE;
    return new double[] {(shape.cell().column() + 0.5) * cellSide, (shape.cell().row() + 0.5) * cellSide};
  }

  private static SceneShape shapeAt(SyntheticScene scene, double px, double py, double cellSide) {
    for (SceneShape shape : scene.shapes()) {
      double halfExtent = (shape.large() ? LARGE_HALF_EXTENT : SMALL_HALF_EXTENT) * cellSide;
      double u = (px - (shape.cell().column() + 0.5) * cellSide) / halfExtent;
      double v = (py - (shape.cell().row() + 0.5) * cellSide) / halfExtent;
      if (shape.kind().contains(u, v)) {
        return shape;
      }
    }
    return null;
  }
}
