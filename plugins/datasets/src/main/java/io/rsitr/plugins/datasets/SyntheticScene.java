package io.rsitr.plugins.datasets;

import java.util.List;
import java.util.Objects;

/**
 * The content of one synthetic image: shapes in distinct grid cells on a textured ground.
 *
 * @param ground the background
 * @param shapes at least one shape; the first is the main shape, which is always large and which
 *     every caption names by colour and kind
 * @param textureSeed the seed of the per-pixel texture noise
 */
public record SyntheticScene(Ground ground, List<SceneShape> shapes, long textureSeed) {

  public SyntheticScene {
    Objects.requireNonNull(ground, "ground");
    shapes = List.copyOf(shapes);
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("a synthetic scene needs at least one shape");
    }
  }

  public SceneShape mainShape() {
    return shapes.get(0);
  }

  /** Returns the shapes after the main one, in drawing order. */
  public List<SceneShape> otherShapes() {
    return shapes.subList(1, shapes.size());
  }
}
