package io.rsitr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.embed.EmbeddingModel;
import io.rsitr.embed.ImageEncodings;
import io.rsitr.eval.SplitEmbeddings;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightMismatchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Embeds images and captions with a CLIP model loaded from a weight file and writes them as JSON. */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Embed images and captions with a CLIP model and write normalised embeddings, the i2t logits"
        + " (exp(logit_scale)·v·tᵀ + logit_bias), the caption token ids and, with an interaction, its matching"
        + " logits as JSON.")
final class EmbedCommand implements Callable<Integer> {

  @Option(names = "--model-config", required = true, paramLabel = "FILE.json",
      description = "open_clip model config (embed_dim, vision_cfg, text_cfg), or a file with such an object under"
          + " \"clip\"")
  Path modelConfig;

  @Option(names = "--weights", required = true, paramLabel = "FILE",
      description = ".pth or .safetensors weights; every model parameter must be in it")
  Path weights;

  @Option(names = "--image", paramLabel = "PATH", description = "image to embed; repeat for more")
  List<Path> images = new ArrayList<>();

  @Option(names = "--text", paramLabel = "STRING", description = "caption to embed, tokenized with the CLIP BPE;"
      + " repeat for more")
  List<String> texts = new ArrayList<>();

  @Option(names = "--token-ids", paramLabel = "FILE.json",
      description = "captions as a JSON list of token-id lists, instead of --text; short rows are padded with 0")
  Path tokenIds;

  @Option(names = "--vocab", paramLabel = "FILE", defaultValue = "../shared/vocab/bpe_simple_vocab_16e6.txt.gz",
      description = "CLIP BPE merges file for --text (default: ${DEFAULT-VALUE})")
  Path vocab;

  @Option(names = "--interaction-config", paramLabel = "FILE.json",
      description = "JSON with an object named after an interaction plugin (for example \"lsci\") that contains its"
          + " parameters; adds match_logits, one row per caption and one column per image")
  Path interactionConfig;

  @Option(names = "--out", required = true, paramLabel = "OUT.json", description = "JSON file to write")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (tokenIds != null && !texts.isEmpty()) {
      throw new IllegalArgumentException("give captions either with --text or with --token-ids, not both");
    }
    if (images.isEmpty() && texts.isEmpty() && tokenIds == null) {
      throw new IllegalArgumentException("nothing to embed; give --image, --text or --token-ids");
    }
    PluginRegistry registry = PluginRegistry.discover();
    Backbone backbone = ModelDescription.backbone(registry, modelConfig);
    Interaction interaction = interactionConfig == null ? null
        : ModelDescription.interaction(registry, interactionConfig);
    float[][] pixels = EmbedInputs.pixels(images, backbone);
    int[][] tokens = tokenIds != null
        ? EmbedInputs.tokenIds(tokenIds, backbone.contextLength(), backbone.vocabSize())
        : EmbedInputs.tokenize(texts, vocab, backbone.contextLength());

    Map<String, Object> result;
    try (EmbeddingModel model = load(backbone, interaction)) {
      result = embed(model, pixels, tokens);
    }
    write(result);
    spec.commandLine().getOut().printf("wrote %d image and %d caption embeddings to %s%n", pixels.length,
        tokens.length, out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private EmbeddingModel load(Backbone backbone, Interaction interaction) {
    StateDict stateDict = WeightFiles.read(weights);
    try {
      return new EmbeddingModel(backbone, interaction, stateDict);
    } catch (WeightMismatchException e) {
      String hint = interaction == null
          ? " (when the file also contains interaction weights, pass --interaction-config)"
          : "";
      throw new IllegalArgumentException("--weights " + weights + " does not fit the model of --model-config "
          + modelConfig + hint + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> embed(EmbeddingModel model, float[][] pixels, int[][] tokens) {
    ImageEncodings images = model.encodeImages(pixels);
    float[][] captions = model.encodeTexts(tokens);
    float[] scaleAndBias = model.scaleAndBias();
    SplitEmbeddings embeddings = new SplitEmbeddings(images.embeddings(), captions, scaleAndBias[0],
        scaleAndBias[1], images.localTokens(), tokens);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("image_embeddings", images.embeddings());
    result.put("text_embeddings", captions);
    result.put("text_token_ids", tokens);
    result.put("logits_i2t", embeddings.scoresI2t());
    if (model.scoresPairs()) {
      result.put("match_logits", model.matchLogits(tokens, images.localTokens()));
    }
    return result;
  }

  private void write(Map<String, Object> result) {
    try {
      new ObjectMapper().writeValue(out.toFile(), result);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + out + ": " + e.getMessage(), e);
    }
  }
}
