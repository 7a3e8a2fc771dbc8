package io.rsitr.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference tokenizer outputs: captions with their normalised text and the ids of the reference
 * CLIP tokenizer.
 */
record TokenizerFixture(int contextLength, List<Case> cases) {

  /**
   * One caption of the fixture.
   *
   * @param preCaption the normalised caption, or null where normalisation leaves nothing
   * @param tokensPreCaption the ids of {@code preCaption}, or null where the fixture has none
   */
  record Case(int index, String caption, String preCaption, int[] tokensRaw, int[] tokensPreCaption) {}

  /** Reads the fixture, skipping the calling test when the shared data folder is absent. */
  static TokenizerFixture load() throws IOException {
    Path path = SharedFiles.require("fixtures/tokenizer_dev.json");
    JsonNode root = new ObjectMapper().readTree(path.toFile());

    List<Case> cases = new ArrayList<>();
    JsonNode caseNodes = root.get("cases");
    for (int i = 0; i < caseNodes.size(); i++) {
      JsonNode node = caseNodes.get(i);
      cases.add(new Case(
          i,
          node.get("caption").asText(),
          textOrNull(node.get("pre_caption_77")),
          idsOrNull(node.get("tokens_raw")),
          idsOrNull(node.get("tokens_pre_caption"))));
    }
    return new TokenizerFixture(root.get("context_length").asInt(), List.copyOf(cases));
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static int[] idsOrNull(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    int[] ids = new int[node.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = node.get(i).asInt();
    }
    return ids;
  }
}
