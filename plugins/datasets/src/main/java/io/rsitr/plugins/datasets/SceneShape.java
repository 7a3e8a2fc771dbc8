package io.rsitr.plugins.datasets;

import java.util.Objects;

/**
 * One shape of a synthetic scene.
 *
 * @param kind what is drawn
 * @param color its fill colour
 * @param cell where in the 3×3 layout it is centred
 * @param large whether it fills most of its cell; small shapes are about two thirds as wide
 */
public record SceneShape(ShapeKind kind, ShapeColor color, GridCell cell, boolean large) {

  public SceneShape {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(cell, "cell");
  }

  /** Returns the colour and shape as captions name them, for example {@code red circle}. */
  public String colorAndKind() {
    return color.word() + " " + kind.word();
  }
}
