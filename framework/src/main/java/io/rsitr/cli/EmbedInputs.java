package io.rsitr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rsitr.data.image.EvalTransform;
import io.rsitr.data.image.ImageDecodeException;
import io.rsitr.data.image.Normalizer;
import io.rsitr.data.text.ClipTokenizer;
import io.rsitr.plugin.Backbone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns the images and captions named on the command line into model inputs. */
final class EmbedInputs {

  private EmbedInputs() {}

  /**
   * Decodes each image and applies the evaluation transform at the backbone's image size: bicubic
   * resize of the shorter side, centre crop, normalisation with the backbone's mean and std.
   */
  static float[][] pixels(List<Path> images, Backbone backbone) {
    EvalTransform transform = new EvalTransform(backbone.imageSize(),
        new Normalizer(backbone.pixelMean(), backbone.pixelStd()));
    float[][] pixels = new float[images.size()][];
    for (int i = 0; i < pixels.length; i++) {
      Path image = images.get(i);
      if (!Files.isRegularFile(image)) {
        throw new IllegalArgumentException("--image " + image + " not found; check the path");
      }
      try {
        pixels[i] = transform.apply(image);
      } catch (ImageDecodeException e) {
        throw new IllegalArgumentException("--image " + image + " failed to decode: " + e.getMessage(), e);
      }
    }
    return pixels;
  }

  /** Tokenizes each text with the CLIP BPE into {@code contextLength} ids. */
  static int[][] tokenize(List<String> texts, Path vocab, int contextLength) {
    if (!Files.isRegularFile(vocab)) {
      throw new IllegalArgumentException("--vocab " + vocab + " not found; pass the CLIP BPE merges file"
          + " bpe_simple_vocab_16e6.txt.gz, or give --token-ids instead of --text");
    }
    ClipTokenizer tokenizer = ClipTokenizer.load(vocab);
    int[][] tokens = new int[texts.size()][];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = tokenizer.encode(texts.get(i), contextLength);
    }
    return tokens;
  }

  /**
   * Reads a JSON list of token-id lists. Shorter rows are padded with 0 up to {@code contextLength}.
   *
   * @throws IllegalArgumentException for a row longer than {@code contextLength} or an id outside
   *     {@code [0, vocabSize)}
   */
  static int[][] tokenIds(Path file, int contextLength, int vocabSize) {
    ModelDescription.requireFile(file, "--token-ids");
    JsonNode root = ModelDescription.readJson(file);
    if (!root.isArray()) {
      throw new IllegalArgumentException("--token-ids " + file + " must contain a JSON list of token-id lists");
    }
    int[][] tokens = new int[root.size()][];
    for (int row = 0; row < tokens.length; row++) {
      tokens[row] = tokenRow(root.get(row), row, file, contextLength, vocabSize);
    }
    return tokens;
  }

  private static int[] tokenRow(JsonNode node, int row, Path file, int contextLength, int vocabSize) {
    String where = "--token-ids " + file + " row " + row;
    if (!node.isArray()) {
      throw new IllegalArgumentException(where + " is not a list of token ids");
    }
    if (node.size() > contextLength) {
      throw new IllegalArgumentException(where + " has " + node.size() + " ids but the model's context length is "
          + contextLength + "; shorten it");
    }
    int[] ids = new int[contextLength];
    for (int j = 0; j < node.size(); j++) {
      JsonNode id = node.get(j);
      if (!id.canConvertToInt() || id.intValue() < 0 || id.intValue() >= vocabSize) {
        throw new IllegalArgumentException(where + " position " + j + " is " + id + ", expected a token id in [0, "
            + vocabSize + ")");
      }
      ids[j] = id.intValue();
    }
    return ids;
  }
}
