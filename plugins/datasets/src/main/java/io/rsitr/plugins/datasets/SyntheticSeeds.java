package io.rsitr.plugins.datasets;

/**
 * Derives independent random streams for one synthetic image from the data seed, the split and
 * the image index, so every image can be generated on its own and in any order.
 */
final class SyntheticSeeds {

  /** Stream purposes: the scene layout, and the choice and order of its captions. */
  static final int SCENE = 1;
  static final int CAPTIONS = 2;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SyntheticSeeds() {}

  /** Returns the seed of one stream; distinct inputs give unrelated seeds. */
  static long streamSeed(long dataSeed, int splitId, int imageIndex, int purpose) {
    long h = mix64(dataSeed + GOLDEN_GAMMA);
    h = mix64(h + GOLDEN_GAMMA * (splitId + 1L));
    h = mix64(h + GOLDEN_GAMMA * (imageIndex + 1L));
    return mix64(h + GOLDEN_GAMMA * purpose);
  }

  /** Returns a uniform value in [-1, 1] for pixel {@code (x, y)} of the texture with this seed. */
  static double pixelNoise(long textureSeed, int x, int y) {
    long h = mix64(textureSeed ^ (x * GOLDEN_GAMMA) ^ (y * 0xC2B2AE3D27D4EB4FL));
    return (h >>> 11) * 0x1.0p-52 - 1.0;
  }

  // The 64-bit finaliser of MurmurHash3: every input bit affects every output bit.
  private static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
