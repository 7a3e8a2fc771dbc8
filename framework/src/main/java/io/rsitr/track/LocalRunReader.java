package io.rsitr.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads runs of one experiment folder of the MLflow file store for {@link Tracker#findRuns}. */
final class LocalRunReader {

  private LocalRunReader() {}

  /** Returns the active runs in {@code experimentDir} whose tags contain {@code tagEquals}, newest first. */
  static List<RunInfo> findRuns(Path experimentDir, Map<String, String> tagEquals) throws IOException {
    List<RunInfo> runs = new ArrayList<>();
    try (DirectoryStream<Path> runDirs = Files.newDirectoryStream(experimentDir, Files::isDirectory)) {
      for (Path runDir : runDirs) {
        Map<String, Object> meta = MetaYaml.read(runDir);
        if (meta == null || !"active".equals(meta.get("lifecycle_stage"))) {
          continue;
        }
        Map<String, String> tags = readKeyFiles(runDir.resolve(LocalRun.TAGS_FOLDER));
        if (tags.entrySet().containsAll(tagEquals.entrySet())) {
          runs.add(new RunInfo(String.valueOf(meta.get("run_id")), String.valueOf(meta.get("experiment_id")),
              statusName(meta.get("status")), toLong(meta.get("start_time")), tags,
              readLatestMetrics(runDir.resolve(LocalRun.METRICS_FOLDER))));
        }
      }
    }
    runs.sort(Comparator.comparingLong(RunInfo::startTime).reversed());
    return runs;
  }

  /** Returns MLflow's name of a status code stored in {@code meta.yaml}. */
  static String statusName(Object code) {
    int value = code instanceof Number number ? number.intValue() : -1;
    return switch (value) {
      case 1 -> "RUNNING";
      case 2 -> "SCHEDULED";
      case 3 -> "FINISHED";
      case 4 -> "FAILED";
      case 5 -> "KILLED";
      default -> "UNKNOWN";
    };
  }

  /** Reads a folder of key files; a key with {@code /} is a nested file, as MLflow stores it. */
  private static Map<String, String> readKeyFiles(Path folder) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.isDirectory(folder)) {
      return values;
    }
    for (Path file : regularFiles(folder)) {
      values.put(keyOf(folder, file), Files.readString(file, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static Map<String, Double> readLatestMetrics(Path folder) throws IOException {
    Map<String, Double> latest = new LinkedHashMap<>();
    if (!Files.isDirectory(folder)) {
      return latest;
    }
    for (Path file : regularFiles(folder)) {
      long bestStep = Long.MIN_VALUE;
      long bestTimestamp = Long.MIN_VALUE;
      Double value = null;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 2) {
          continue;
        }
        long timestamp = Long.parseLong(fields[0]);
        long step = fields.length > 2 ? Long.parseLong(fields[2]) : 0;
        if (step > bestStep || (step == bestStep && timestamp >= bestTimestamp)) {
          bestStep = step;
          bestTimestamp = timestamp;
          value = Double.parseDouble(fields[1]);
        }
      }
      if (value != null) {
        latest.put(keyOf(folder, file), value);
      }
    }
    return latest;
  }

  private static List<Path> regularFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static String keyOf(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static long toLong(Object value) {
    return value instanceof Number number ? number.longValue() : 0L;
  }
}
