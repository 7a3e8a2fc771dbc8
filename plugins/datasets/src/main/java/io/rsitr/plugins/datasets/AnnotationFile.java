package io.rsitr.plugins.datasets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.data.text.CaptionNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An annotation file in the format of RSICD, RSITMD and UCM-captions: a JSON list of
 * {@code {"filename": ..., "captions": [...]}} objects. Other keys, such as RSITMD's
 * {@code label}, are ignored.
 *
 * <p>{@link #read} checks the structure and the captions but not the images, so it also serves
 * tools and tests that have the annotations without the images.
 */
public final class AnnotationFile {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path path;
  private final List<AnnotationRow> rows;

  private final List<String> droppedCaptions;

  private AnnotationFile(Path path, List<AnnotationRow> rows, List<String> droppedCaptions) {
    this.path = path;
    this.rows = List.copyOf(rows);
    this.droppedCaptions = List.copyOf(droppedCaptions);
  }

  /**
   * Parses and checks an annotation file; a caption that is empty after normalisation is an error.
   *
   * @throws DatasetValidationException naming the file when it is missing or is not valid JSON, and
   *     listing every row that has no string {@code filename}, no list of string {@code captions},
   *     no captions at all, a caption that is empty after normalisation, or a filename already
   *     listed in an earlier row
   */
  public static AnnotationFile read(Path file) {
    return read(file, OnEmptyCaption.ERROR);
  }

  /**
   * Parses and checks an annotation file, with a choice for captions that are empty after
   * normalisation. {@link #droppedCaptions()} lists the captions dropped under
   * {@link OnEmptyCaption#SKIP}.
   *
   * @throws DatasetValidationException as {@link #read(Path)} does, and with
   *     {@link OnEmptyCaption#SKIP} for a row whose captions are all empty
   */
  public static AnnotationFile read(Path file, OnEmptyCaption onEmptyCaption) {
    JsonNode root = parse(file);
    if (!root.isArray()) {
      throw invalid(file, List.of("the top level is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
          + ", expected a list of {\"filename\": ..., \"captions\": [...]} objects"));
    }

    List<String> problems = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<AnnotationRow> rows = new ArrayList<>(root.size());
    Map<String, Integer> rowOfFilename = new HashMap<>();
    for (int index = 0; index < root.size(); index++) {
      AnnotationRow row = readRow(root.get(index), index, onEmptyCaption, problems, dropped);
      if (row == null) {
        continue;
      }
      Integer earlierRow = rowOfFilename.putIfAbsent(row.filename(), index);
      if (earlierRow != null) {
        problems.add("rows " + earlierRow + " and " + index + " both list filename '" + row.filename() + "'");
      }
      rows.add(row);
    }
    if (!problems.isEmpty()) {
      throw invalid(file, problems);
    }
    return new AnnotationFile(file, rows, dropped);
  }

  public Path path() {
    return path;
  }

  public List<AnnotationRow> rows() {
    return rows;
  }

  /** Returns where each caption dropped as empty was, for example "row 431 caption 0 ' .'". */
  public List<String> droppedCaptions() {
    return droppedCaptions;
  }

  private static JsonNode parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetValidationException("annotation file " + file + " was not found", List.of(),
          "Check the train_file, val_file and test_file parameters; relative paths start at the"
              + " working directory " + Path.of("").toAbsolutePath() + ".");
    }
    try {
      return MAPPER.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new DatasetValidationException("annotation file " + file + " is not valid JSON",
          List.of(e.getOriginalMessage() + " at " + location(e)), "Fix the JSON syntax at that position.");
    } catch (IOException e) {
      throw new DatasetValidationException("failed to read annotation file " + file,
          List.of(e.toString()), "Check that the file is readable.");
    }
  }

  private static String location(JacksonException e) {
    if (e.getLocation() == null) {
      return "an unknown position";
    }
    return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** Returns the row, or {@code null} after adding its problems to {@code problems}. */
  private static AnnotationRow readRow(
      JsonNode node, int index, OnEmptyCaption onEmptyCaption, List<String> problems, List<String> dropped) {
    if (!node.isObject()) {
      problems.add("row " + index + " is not a JSON object");
      return null;
    }
    JsonNode filename = node.get("filename");
    JsonNode captions = node.get("captions");
    int problemsBefore = problems.size();
    if (filename == null || !filename.isTextual() || filename.asText().isBlank()) {
      problems.add("row " + index + " has no \"filename\" string");
    }
    if (captions == null || !captions.isArray()) {
      problems.add("row " + index + " has no \"captions\" list");
    } else if (captions.isEmpty()) {
      problems.add("row " + index + " has an empty \"captions\" list; every image needs at least one caption");
    }
    if (problems.size() > problemsBefore) {
      return null;
    }

    List<String> texts = new ArrayList<>(captions.size());
    for (int k = 0; k < captions.size(); k++) {
      JsonNode caption = captions.get(k);
      String position = "row " + index + " caption " + k;
      if (!caption.isTextual()) {
        problems.add(position + " is not a string: " + caption);
      } else if (!CaptionNormalizer.normalize(caption.asText(), 1).isEmpty()) {
        // Emptiness does not depend on max_words: normalisation deletes characters before it truncates.
        texts.add(caption.asText());
      } else if (onEmptyCaption == OnEmptyCaption.SKIP) {
        dropped.add(position + " '" + caption.asText() + "'");
      } else {
        problems.add(position + " '" + caption.asText()
            + "' is empty after normalisation, which deletes punctuation");
      }
    }
    if (problems.size() > problemsBefore) {
      return null;
    }
    if (texts.isEmpty()) {
      problems.add("row " + index + " has no caption left after dropping the empty ones");
      return null;
    }
    return new AnnotationRow(index, filename.asText(), texts);
  }

  private static DatasetValidationException invalid(Path file, List<String> problems) {
    return new DatasetValidationException(
        "annotation file " + file + " is invalid (" + problems.size()
            + (problems.size() == 1 ? " problem)" : " problems)"), problems,
        "Fix or remove these rows; rows and captions are counted from 0. Set on_empty_caption: skip"
            + " to drop captions that are empty after normalisation.");
  }
}
