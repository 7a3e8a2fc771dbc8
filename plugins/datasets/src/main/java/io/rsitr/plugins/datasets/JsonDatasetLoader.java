package io.rsitr.plugins.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check of the {@code rsitr-json} dataset before a model is built, then creates the
 * splits.
 *
 * <p>The checks run in this order, and each step reports all of its problems in one error: the
 * image root exists, the three annotation files are valid, their file names stay inside the
 * image root, and every image exists and decodes. With {@link OnMissing#SKIP}, images that are
 * missing or fail to decode are dropped with a warning instead.
 */
final class JsonDatasetLoader {

  private static final Logger LOG = LoggerFactory.getLogger(JsonDatasetLoader.class);
  private static final List<String> SPLIT_NAMES = List.of("train", "val", "test");

  private final JsonDatasetSettings settings;
  private final ImageRoot root;

  JsonDatasetLoader(JsonDatasetSettings settings) {
    this.settings = settings;
    this.root = new ImageRoot(settings.imageRoot());
  }

  /** One split after its annotation file was read and its file names were resolved. */
  private record ResolvedSplit(String name, AnnotationFile annotations, List<Path> imageFiles) {}

  LoadedDataset load() {
    checkImageRoot();
    List<ResolvedSplit> resolved = resolveNames(readAnnotationFiles());
    List<List<ImageScan.Result>> scans = scanImages(resolved);
    reportUnusableImages(resolved, scans);

    List<JsonSplit> splits = new ArrayList<>();
    Map<String, String> statistics = new LinkedHashMap<>();
    for (int s = 0; s < resolved.size(); s++) {
      splits.add(buildSplit(resolved.get(s), scans.get(s), statistics));
    }
    return new LoadedDataset(splits.get(0), splits.get(1), splits.get(2), statistics);
  }

  private void checkImageRoot() {
    if (!Files.isDirectory(root.path())) {
      throw new DatasetValidationException("image_root " + root.path() + " is not a folder", List.of(),
          "Set dataset.image_root to the folder that the file names in the annotation files are relative to;"
              + " relative paths start at the working directory " + Path.of("").toAbsolutePath() + ".");
    }
  }

  private List<AnnotationFile> readAnnotationFiles() {
    List<Path> files = List.of(settings.trainFile(), settings.valFile(), settings.testFile());
    List<AnnotationFile> annotationFiles = new ArrayList<>();
    List<DatasetValidationException> failures = new ArrayList<>();
    for (Path file : files) {
      try {
        AnnotationFile annotations =
            AnnotationFile.read(file.toAbsolutePath().normalize(), settings.onEmptyCaption());
        logDroppedCaptions(annotations);
        annotationFiles.add(annotations);
      } catch (DatasetValidationException e) {
        failures.add(e);
      }
    }
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    if (!failures.isEmpty()) {
      List<String> problems = failures.stream().map(DatasetValidationException::getMessage).toList();
      throw new DatasetValidationException(
          failures.size() + " annotation files are invalid", problems, "Fix each file as described.");
    }
    return annotationFiles;
  }

  private static void logDroppedCaptions(AnnotationFile annotations) {
    List<String> dropped = annotations.droppedCaptions();
    if (!dropped.isEmpty()) {
      LOG.warn("dropped {} captions of {} that are empty after normalisation (on_empty_caption: skip): {}",
          dropped.size(), annotations.path(), dropped.subList(0, Math.min(dropped.size(), 20)));
    }
  }

  private List<ResolvedSplit> resolveNames(List<AnnotationFile> annotations) {
    List<ResolvedSplit> resolved = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int s = 0; s < annotations.size(); s++) {
      AnnotationFile file = annotations.get(s);
      List<Path> imageFiles = new ArrayList<>(file.rows().size());
      for (AnnotationRow row : file.rows()) {
        try {
          imageFiles.add(root.resolve(row.filename()));
        } catch (IllegalArgumentException e) {
          problems.add(file.path() + " row " + row.index() + ": " + e.getMessage());
        }
      }
      resolved.add(new ResolvedSplit(SPLIT_NAMES.get(s), file, imageFiles));
    }
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(
          problems.size() + " image file names are rejected because they leave image_root", problems,
          "Write file names relative to image_root, without '..' or a leading '/'.");
    }
    return resolved;
  }

  private static List<List<ImageScan.Result>> scanImages(List<ResolvedSplit> splits) {
    // One parallel pass over all splits keeps every core busy until the last image.
    List<Path> allFiles = new ArrayList<>();
    splits.forEach(split -> allFiles.addAll(split.imageFiles()));
    long start = System.nanoTime();
    List<ImageScan.Result> allResults = ImageScan.scan(allFiles);
    LOG.info("decoded {} images in {} ms to check them before training",
        allFiles.size(), (System.nanoTime() - start) / 1_000_000);

    List<List<ImageScan.Result>> perSplit = new ArrayList<>();
    int offset = 0;
    for (ResolvedSplit split : splits) {
      int count = split.imageFiles().size();
      perSplit.add(allResults.subList(offset, offset + count));
      offset += count;
    }
    return perSplit;
  }

  private void reportUnusableImages(List<ResolvedSplit> splits, List<List<ImageScan.Result>> scans) {
    List<String> problems = new ArrayList<>();
    int total = 0;
    for (int s = 0; s < splits.size(); s++) {
      ResolvedSplit split = splits.get(s);
      List<AnnotationRow> rows = split.annotations().rows();
      total += rows.size();
      for (int i = 0; i < rows.size(); i++) {
        ImageScan.Result result = scans.get(s).get(i);
        if (!result.usable()) {
          problems.add(split.annotations().path().getFileName() + " row " + rows.get(i).index() + " ("
              + rows.get(i).filename() + "): " + result.problem());
        }
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    if (settings.onMissing() == OnMissing.ERROR) {
      throw new DatasetValidationException(
          problems.size() + " of " + total + " images listed in the annotation files cannot be used", problems,
          "Check image_root (" + root.path() + "), or set on_missing: skip to train without these images.");
    }
    LOG.warn("skipping {} of {} images that are missing or fail to decode (on_missing: skip); first: {}",
        problems.size(), total, problems.get(0));
  }

  private JsonSplit buildSplit(ResolvedSplit split, List<ImageScan.Result> scan, Map<String, String> statistics) {
    List<AnnotationRow> rows = split.annotations().rows();
    List<String> filenames = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<List<String>> captions = new ArrayList<>();
    List<ImageScan.Result> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (scan.get(i).usable()) {
        filenames.add(rows.get(i).filename());
        files.add(split.imageFiles().get(i));
        captions.add(rows.get(i).captions());
        kept.add(scan.get(i));
      }
    }
    int skipped = rows.size() - kept.size();
    if (kept.isEmpty()) {
      throw new DatasetValidationException("split '" + split.name() + "' has no usable images",
          List.of(split.annotations().path() + " lists " + rows.size() + " images and none of them decoded"),
          "Check image_root (" + root.path() + ") and the file names in the annotation file.");
    }

    JsonSplit result = new JsonSplit(split.name(), filenames, files, new CaptionTable(captions));
    Map<String, String> splitStatistics = new LinkedHashMap<>(
        SplitStatistics.ofCaptions(split.name(), result.captionTable(), settings.maxWords()));
    splitStatistics.putAll(SplitStatistics.ofImageSizes(split.name(),
        kept.stream().mapToInt(ImageScan.Result::width).toArray(),
        kept.stream().mapToInt(ImageScan.Result::height).toArray()));
    splitStatistics.put(split.name() + ".skipped_images", Integer.toString(skipped));
    splitStatistics.put(split.name() + ".dropped_empty_captions",
        Integer.toString(split.annotations().droppedCaptions().size()));
    LOG.info("split '{}' from {}: {}", split.name(), split.annotations().path(), splitStatistics);
    LOG.info("split '{}': {} captions are longer than max_words {} and were truncated", split.name(),
        splitStatistics.get(split.name() + ".truncated_captions"), settings.maxWords());
    statistics.putAll(splitStatistics);
    return result;
  }
}
