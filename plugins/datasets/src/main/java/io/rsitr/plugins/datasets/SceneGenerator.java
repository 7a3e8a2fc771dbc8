package io.rsitr.plugins.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the scene of one synthetic image from (data seed, split, index).
 *
 * <p>Scenes have between 1 and {@code maxShapes} shapes, each in its own grid cell and each in a
 * different colour that contrasts with the ground. Only the main shape is large, so it dominates
 * the image and the captions.
 */
final class SceneGenerator {

  /** Upper limit of {@code max_shapes}: distinct colours that contrast with every ground. */
  static final int MAX_SHAPES_LIMIT = 4;

  private final long dataSeed;
  private final int maxShapes;

  SceneGenerator(long dataSeed, int maxShapes) {
    if (maxShapes < 1 || maxShapes > MAX_SHAPES_LIMIT) {
      throw new IllegalArgumentException(
          "max_shapes must be between 1 and " + MAX_SHAPES_LIMIT + ", got " + maxShapes);
    }
    this.dataSeed = dataSeed;
    this.maxShapes = maxShapes;
  }

  SyntheticScene generate(int splitId, int imageIndex) {
    SplittableRandom random =
        new SplittableRandom(SyntheticSeeds.streamSeed(dataSeed, splitId, imageIndex, SyntheticSeeds.SCENE));
    Ground ground = pick(random, Ground.values());
    int shapeCount = 1 + random.nextInt(maxShapes);
    List<ShapeColor> colors = distinctContrastingColors(random, ground, shapeCount);
    int[] cells = shuffledCellIndices(random);

    List<SceneShape> shapes = new ArrayList<>(shapeCount);
    for (int i = 0; i < shapeCount; i++) {
      ShapeKind kind = pick(random, ShapeKind.values());
      boolean large = i == 0;
      shapes.add(new SceneShape(kind, colors.get(i), GridCell.ofIndex(cells[i]), large));
    }
    return new SyntheticScene(ground, shapes, random.nextLong());
  }

  private static List<ShapeColor> distinctContrastingColors(SplittableRandom random, Ground ground, int count) {
    List<ShapeColor> candidates = new ArrayList<>(
        Arrays.stream(ShapeColor.values()).filter(ground::contrastsWith).toList());
    List<ShapeColor> chosen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chosen.add(candidates.remove(random.nextInt(candidates.size())));
    }
    return chosen;
  }

  private static int[] shuffledCellIndices(SplittableRandom random) {
    int[] cells = new int[GridCell.SIDE * GridCell.SIDE];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = i;
    }
    for (int i = cells.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = cells[i];
      cells[i] = cells[j];
      cells[j] = swap;
    }
    return cells;
  }

  private static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
