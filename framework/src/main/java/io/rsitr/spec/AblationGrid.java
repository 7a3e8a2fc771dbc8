package io.rsitr.spec;

import java.util.List;
import java.util.Objects;

/**
 * An expanded {@code ablation:} section: every combination of the axis values is one cell, with the
 * first axis varying slowest.
 *
 * @param baselineIndex the index of the cell that the other cells are compared against
 */
public record AblationGrid(List<AblationAxis> axes, List<AblationCell> cells, int baselineIndex) {

  public AblationGrid {
    axes = List.copyOf(axes);
    cells = List.copyOf(cells);
    Objects.checkIndex(baselineIndex, cells.size());
  }

  public AblationCell baselineCell() {
    return cells.get(baselineIndex);
  }

  public int size() {
    return cells.size();
  }
}
