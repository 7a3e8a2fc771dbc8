package io.rsitr.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lists the tensors of a weight file for {@code rsitr weights inspect}. */
public final class WeightsInspector {

  private WeightsInspector() {}

  /** Reads the file and returns its listing; see {@link #describe(StateDict)}. */
  public static List<String> inspect(Path file) throws IOException {
    return describe(StateDict.read(file));
  }

  /**
   * Returns one line per tensor, {@code name  shape  dtype} with the columns aligned, in file
   * order, then a line with the tensor count and the total number of parameters.
   */
  public static List<String> describe(StateDict stateDict) {
    int nameWidth = 0;
    int shapeWidth = 0;
    for (WeightTensor tensor : stateDict.tensors()) {
      nameWidth = Math.max(nameWidth, tensor.name().length());
      shapeWidth = Math.max(shapeWidth, tensor.shapeText().length());
    }

    List<String> lines = new ArrayList<>(stateDict.size() + 1);
    String format = "%-" + Math.max(nameWidth, 1) + "s  %-" + Math.max(shapeWidth, 1) + "s  %s";
    for (WeightTensor tensor : stateDict.tensors()) {
      lines.add(String.format(format, tensor.name(), tensor.shapeText(), tensor.dtype()).stripTrailing());
    }
    lines.add(String.format(Locale.ROOT, "%d tensors, %,d parameters", stateDict.size(), stateDict.parameterCount()));
    return lines;
  }
}
