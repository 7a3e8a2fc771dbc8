package io.rsitr.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming reader of one metrics case file: a JSON object with {@code scores_i2t} (images ×
 * texts), {@code scores_t2i} (texts × images), {@code img2txt}, {@code txt2img} and
 * {@code num_bins}. Other keys are skipped.
 *
 * <p>It streams instead of building a JSON tree because score matrices of a full test split
 * hold millions of numbers. Every error names the file and the key, and the line and column
 * where the parser stopped.
 */
final class CaseFileReader {

  static final String SCORES_I2T = "scores_i2t";
  static final String SCORES_T2I = "scores_t2i";
  static final String IMG2TXT = "img2txt";
  static final String TXT2IMG = "txt2img";
  static final String NUM_BINS = "num_bins";
  private static final List<String> REQUIRED_KEYS =
      List.of(SCORES_I2T, SCORES_T2I, IMG2TXT, TXT2IMG, NUM_BINS);

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Contents of a case file, not yet checked against each other. */
  record Contents(
      double[][] scoresI2t, double[][] scoresT2i, int[][] img2txt, int[] txt2img, int numBins) {}

  private final Path file;
  private final JsonParser parser;

  private CaseFileReader(Path file, JsonParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Reads a case file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the JSON is invalid, a key is missing or a value has
   *     the wrong type or a ragged shape
   */
  static Contents read(Path file) throws IOException {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      return new CaseFileReader(file, parser).readObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "case file " + file + " is not valid JSON: " + e.getOriginalMessage() + " at "
              + position(e.getLocation()),
          e);
    }
  }

  private Contents readObject() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw invalid("the file must contain one JSON object with the keys " + REQUIRED_KEYS);
    }
    double[][] scoresI2t = null;
    double[][] scoresT2i = null;
    int[][] img2txt = null;
    int[] txt2img = null;
    Integer numBins = null;

    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case SCORES_I2T -> scoresI2t = readScoreMatrix(key);
        case SCORES_T2I -> scoresT2i = readScoreMatrix(key);
        case IMG2TXT -> img2txt = readIndexLists(key);
        case TXT2IMG -> txt2img = readIndexList(key, "");
        case NUM_BINS -> numBins = readInt(key, "");
        default -> parser.skipChildren();
      }
    }

    requirePresent(SCORES_I2T, scoresI2t);
    requirePresent(SCORES_T2I, scoresT2i);
    requirePresent(IMG2TXT, img2txt);
    requirePresent(TXT2IMG, txt2img);
    requirePresent(NUM_BINS, numBins);
    return new Contents(scoresI2t, scoresT2i, img2txt, txt2img, numBins);
  }

  /** Reads a non-empty rectangular array of number arrays. */
  private double[][] readScoreMatrix(String key) throws IOException {
    expect(JsonToken.START_ARRAY, key, "", "an array of score rows");
    List<double[]> rows = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String where = " row " + rows.size();
      expect(JsonToken.START_ARRAY, key, where, "an array of numbers");
      double[] row = readNumberRow(key, where);
      if (!rows.isEmpty() && row.length != rows.get(0).length) {
        throw invalid(
            "key '" + key + "'" + where + " has " + row.length + " values but row 0 has "
                + rows.get(0).length + ", but a score matrix must be rectangular");
      }
      rows.add(row);
    }
    if (rows.isEmpty() || rows.get(0).length == 0) {
      throw invalid(
          "key '" + key + "' is an empty matrix, but it needs at least one row and one column");
    }
    return rows.toArray(new double[0][]);
  }

  private double[] readNumberRow(String key, String where) throws IOException {
    double[] values = new double[64];
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (!parser.currentToken().isNumeric()) {
        throw invalid(
            "key '" + key + "'" + where + " column " + count + " is " + describeCurrent()
                + ", expected a number");
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[count++] = parser.getDoubleValue();
    }
    return Arrays.copyOf(values, count);
  }

  /** Reads an array of index arrays, which may differ in length. */
  private int[][] readIndexLists(String key) throws IOException {
    expect(JsonToken.START_ARRAY, key, "", "an array of caption index arrays");
    List<int[]> lists = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      lists.add(readIndexList(key, " entry " + lists.size()));
    }
    return lists.toArray(new int[0][]);
  }

  private int[] readIndexList(String key, String where) throws IOException {
    expect(JsonToken.START_ARRAY, key, where, "an array of integer indices");
    int[] values = new int[16];
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (count == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[count] = readInt(key, where + " position " + count);
      count++;
    }
    return Arrays.copyOf(values, count);
  }

  private int readInt(String key, String where) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.INT) {
      throw invalid(
          "key '" + key + "'" + where + " is " + describeCurrent() + ", expected an integer");
    }
    return parser.getIntValue();
  }

  private void expect(JsonToken expected, String key, String where, String description)
      throws IOException {
    if (parser.currentToken() != expected) {
      throw invalid(
          "key '" + key + "'" + where + " is " + describeCurrent() + ", expected " + description);
    }
  }

  private String describeCurrent() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "missing (the file ends early)";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "the string \"" + parser.getText() + "\"";
      case VALUE_NULL -> "null";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> parser.getText();
    };
  }

  private void requirePresent(String key, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "case file " + file + " is missing the key '" + key + "'. A case needs "
              + String.join(", ", REQUIRED_KEYS));
    }
  }

  private IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(
        "case file " + file + ": " + message + " (at " + position(parser.currentLocation()) + ")");
  }

  private static String position(JsonLocation location) {
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
