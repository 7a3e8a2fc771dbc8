package io.rsitr.plugins.datasets;

/**
 * One cell of the 3×3 layout that places synthetic shapes.
 *
 * @param row 0 top, 1 middle, 2 bottom
 * @param column 0 left, 1 centre, 2 right
 */
public record GridCell(int row, int column) {

  /** Cells per side of the layout. */
  public static final int SIDE = 3;

  private static final String[][] POSITION_PHRASES = {
    {"in the top left corner", "at the top", "in the top right corner"},
    {"on the left", "in the centre", "on the right"},
    {"in the bottom left corner", "at the bottom", "in the bottom right corner"},
  };

  public GridCell {
    if (row < 0 || row >= SIDE || column < 0 || column >= SIDE) {
      throw new IllegalArgumentException(
          "grid cell (" + row + ", " + column + ") is outside the " + SIDE + "x" + SIDE + " layout");
    }
  }

  /** Returns the cell with the given index 0..8, counted row by row from the top left. */
  public static GridCell ofIndex(int index) {
    return new GridCell(index / SIDE, index % SIDE);
  }

  /** Returns the phrase captions use for this position, for example {@code in the top left corner}. */
  public String positionPhrase() {
    return POSITION_PHRASES[row][column];
  }
}
