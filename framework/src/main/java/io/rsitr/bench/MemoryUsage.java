package io.rsitr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Peak memory of this process: resident set from Linux, and the Java heap from the memory pools. */
final class MemoryUsage {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final double KIB_PER_MIB = 1024.0;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private MemoryUsage() {}

  /**
   * Returns the peak resident set size ({@code VmHWM}) in MiB, which includes TensorFlow's native
   * memory, or {@code null} where {@code /proc/self/status} does not exist (not Linux).
   */
  static Double peakResidentMib() {
    if (!Files.isReadable(STATUS)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(STATUS);
      for (String line : lines) {
        if (line.startsWith("VmHWM:")) {
          String kib = line.substring("VmHWM:".length()).replace("kB", "").trim();
          return Long.parseLong(kib) / KIB_PER_MIB;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  /**
   * Returns the sum over heap memory pools of each pool's peak usage, in MiB: an upper bound on the
   * peak heap use, because the pools may peak at different times.
   */
  static double heapPeakUsedMib() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / BYTES_PER_MIB;
  }
}
