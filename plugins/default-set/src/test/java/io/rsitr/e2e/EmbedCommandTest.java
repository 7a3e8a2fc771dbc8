package io.rsitr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.e2e.ValidateCommandTest.CommandOutput;
import io.rsitr.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rsitr embed} on the reference's small seeded checkpoints, with pixels from this project's
 * own image pipeline, reproduces the reference logits.
 */
class EmbedCommandTest {

  /** Largest absolute logit difference allowed; the measured difference is about 3e-6. */
  private static final double LOGIT_TOLERANCE = 1e-5;
  /** Largest absolute matching-logit difference allowed; the measured difference is about 1e-6. */
  private static final double MATCH_TOLERANCE = 1e-4;
  private static final String IMAGES = "data/rsicd/rsicd_images/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void clipTokenIdsReproduceReferenceLogits() throws Exception {
    JsonNode expected = readShared("fixtures/clip_tiny/clip_tiny_outputs.json");
    Path tokenIds = dir.resolve("tokens.json");
    JSON.writeValue(tokenIds.toFile(), expected.get("tokens"));
    List<String> arguments = clipArguments(expected);
    arguments.addAll(List.of("--token-ids", tokenIds.toString()));

    JsonNode written = runEmbed(arguments);

    assertThat(written.get("image_embeddings").size()).as("image rows").isEqualTo(4);
    assertThat(written.get("text_embeddings").size()).as("caption rows").isEqualTo(6);
    assertClose("image_embeddings", written.get("image_embeddings"), expected.get("image_embedding"),
        LOGIT_TOLERANCE);
    assertClose("logits_i2t", written.get("logits_i2t"), expected.get("logits_i2t"), LOGIT_TOLERANCE);
    assertThat(written.has("match_logits")).as("no match_logits without an interaction").isFalse();
  }

  @Test
  void clipTextTokenizesLikeReference() throws Exception {
    JsonNode expected = readShared("fixtures/clip_tiny/clip_tiny_outputs.json");
    Path vocab = SharedFiles.require("vocab/bpe_simple_vocab_16e6.txt.gz");
    List<String> arguments = clipArguments(expected);
    arguments.addAll(List.of("--vocab", vocab.toString()));
    for (JsonNode caption : expected.get("captions")) {
      arguments.addAll(List.of("--text", caption.asText()));
    }

    JsonNode written = runEmbed(arguments);

    assertThat(written.get("text_token_ids")).as("token ids of the six captions").isEqualTo(expected.get("tokens"));
    assertClose("logits_i2t", written.get("logits_i2t"), expected.get("logits_i2t"), LOGIT_TOLERANCE);
  }

  @Test
  void lsciMatchLogitsReproduceReference() throws Exception {
    JsonNode expected = readShared("fixtures/lsci_tiny/lsci_tiny_outputs.json");
    Path config = SharedFiles.require("fixtures/lsci_tiny/lsci_tiny_config.json");
    Path tokenIds = dir.resolve("tokens.json");
    JSON.writeValue(tokenIds.toFile(), expected.get("tokens"));
    List<String> arguments = new ArrayList<>(List.of("--model-config", config.toString(), "--interaction-config",
        config.toString(), "--weights", SharedFiles.require("fixtures/lsci_tiny/lsci_tiny.pth").toString(),
        "--token-ids", tokenIds.toString()));
    for (JsonNode image : expected.get("images")) {
      arguments.addAll(List.of("--image", SharedFiles.require(IMAGES + image.asText()).toString()));
    }

    JsonNode written = runEmbed(arguments);

    JsonNode matchLogits = written.get("match_logits");
    assertThat(matchLogits.size()).as("one row per caption").isEqualTo(3);
    assertThat(matchLogits.get(0).size()).as("one column per image").isEqualTo(3);
    JsonNode pairs = expected.get("pairs");
    for (int p = 0; p < pairs.size(); p++) {
      int caption = pairs.get(p).get("text").asInt();
      int image = pairs.get(p).get("image").asInt();
      double reference = expected.get("pair_itm_logits").get(p).get(1).asDouble();
      assertThat(matchLogits.get(caption).get(image).asDouble())
          .as("match logit of caption %d and image %d", caption, image)
          .isCloseTo(reference, org.assertj.core.data.Offset.offset(MATCH_TOLERANCE));
    }
  }

  @Test
  void missingVocabIsInvalidInput() throws Exception {
    JsonNode expected = readShared("fixtures/clip_tiny/clip_tiny_outputs.json");
    Path missing = dir.resolve("absent_vocab.txt.gz");
    List<String> arguments = clipArguments(expected);
    arguments.addAll(List.of("--text", "storage tanks", "--vocab", missing.toString(), "--out",
        dir.resolve("out.json").toString()));

    CommandOutput output = ValidateCommandTest.run(command(arguments));

    assertThat(output.exitCode()).as("exit code of a missing vocab").isEqualTo(2);
    assertThat(output.err()).contains("--vocab " + missing + " not found");
  }

  @Test
  void textAndTokenIdsTogetherAreRejected() throws Exception {
    JsonNode expected = readShared("fixtures/clip_tiny/clip_tiny_outputs.json");
    Path tokenIds = dir.resolve("tokens.json");
    JSON.writeValue(tokenIds.toFile(), expected.get("tokens"));
    List<String> arguments = clipArguments(expected);
    arguments.addAll(List.of("--text", "storage tanks", "--token-ids", tokenIds.toString(), "--out",
        dir.resolve("out.json").toString()));

    CommandOutput output = ValidateCommandTest.run(command(arguments));

    assertThat(output.exitCode()).as("exit code").isEqualTo(2);
    assertThat(output.err()).contains("either with --text or with --token-ids, not both");
  }

  @Test
  void interactionWeightsWithoutInteractionAreRejected() throws Exception {
    Path config = SharedFiles.require("fixtures/lsci_tiny/lsci_tiny_config.json");
    List<String> arguments = new ArrayList<>(List.of("--model-config", config.toString(), "--weights",
        SharedFiles.require("fixtures/lsci_tiny/lsci_tiny.pth").toString(), "--token-ids",
        writeTokens(List.of(List.of(998, 5, 999))).toString(), "--out", dir.resolve("out.json").toString()));

    CommandOutput output = ValidateCommandTest.run(command(arguments));

    assertThat(output.exitCode()).as("exit code").isEqualTo(2);
    assertThat(output.err()).contains("pass --interaction-config").contains("unexpected");
  }

  private Path writeTokens(List<List<Integer>> rows) throws Exception {
    Path file = dir.resolve("short_tokens.json");
    JSON.writeValue(file.toFile(), rows);
    return file;
  }

  private static List<String> clipArguments(JsonNode expected) {
    List<String> arguments = new ArrayList<>(List.of(
        "--model-config", SharedFiles.require("fixtures/clip_tiny/clip_tiny_config.json").toString(),
        "--weights", SharedFiles.require("fixtures/clip_tiny/clip_tiny.pth").toString()));
    for (JsonNode image : expected.get("images")) {
      arguments.addAll(List.of("--image", SharedFiles.require(IMAGES + image.asText()).toString()));
    }
    return arguments;
  }

  private JsonNode runEmbed(List<String> arguments) throws Exception {
    Path out = dir.resolve("embeddings.json");
    List<String> all = new ArrayList<>(arguments);
    all.addAll(List.of("--out", out.toString()));

    CommandOutput output = ValidateCommandTest.run(command(all));

    assertThat(output.exitCode()).as("exit code; stderr: %s", output.err()).isZero();
    assertThat(output.out()).as("summary line").contains("wrote").contains(out.toString());
    return JSON.readTree(Files.readString(out));
  }

  private static String[] command(List<String> arguments) {
    List<String> all = new ArrayList<>();
    all.add("embed");
    all.addAll(arguments);
    return all.toArray(String[]::new);
  }

  private static JsonNode readShared(String relative) throws Exception {
    return JSON.readTree(SharedFiles.require(relative).toFile());
  }

  private static void assertClose(String name, JsonNode actual, JsonNode expected, double tolerance) {
    assertThat(actual.size()).as("%s rows", name).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).size()).as("%s row %d length", name, i).isEqualTo(expected.get(i).size());
      for (int j = 0; j < expected.get(i).size(); j++) {
        assertThat(actual.get(i).get(j).asDouble()).as("%s[%d][%d]", name, i, j)
            .isCloseTo(expected.get(i).get(j).asDouble(), org.assertj.core.data.Offset.offset(tolerance));
      }
    }
  }
}
