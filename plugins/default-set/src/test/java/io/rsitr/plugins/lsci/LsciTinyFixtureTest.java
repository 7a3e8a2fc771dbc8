package io.rsitr.plugins.lsci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.nn.WeightLoader;
import io.rsitr.plugins.clip.ClipBackbone;
import io.rsitr.plugins.clip.ClipBackboneFactory;
import io.rsitr.plugins.clip.OpenClipModelConfig;
import io.rsitr.testing.FixtureArrays;
import io.rsitr.testing.SharedFiles;
import io.rsitr.train.EncoderGraph;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The lsci interaction with the reference's small seeded checkpoint (float16 storage) reproduces the
 * reference's matching logits, pooled vectors and intermediate tensors to 1e-4.
 */
class LsciTinyFixtureTest {

  private static final double TOLERANCE = 1e-4;
  private static JsonNode expected;
  private static float[][] outputs;
  private static int pairCount;

  @BeforeAll
  static void runFixtureModel() throws Exception {
    Path configFile = SharedFiles.require("fixtures/lsci_tiny/lsci_tiny_config.json");
    Path checkpoint = SharedFiles.require("fixtures/lsci_tiny/lsci_tiny.pth");
    expected = new ObjectMapper().readTree(SharedFiles.require("fixtures/lsci_tiny/lsci_tiny_outputs.json").toFile());
    JsonNode config = new ObjectMapper().readTree(configFile.toFile());
    ClipBackbone backbone = new ClipBackbone(
        OpenClipModelConfig.fromJson(config.get("clip"), configFile, ClipBackboneFactory.DEFAULT_LOGIT_SCALE), null);
    LsciInteraction interaction = new LsciInteraction(settings(config.get("lsci")));

    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      EncoderGraph encoders = new EncoderGraph(tf, backbone, interaction, 1);
      Placeholder<TInt32> pairTokens = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, 77)));
      Placeholder<TFloat32> pairImages = tf.placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, encoders.image().tokens(), encoders.image().width())));
      LsciInteraction.Outputs lsci = interaction.forward(encoders.scope(), backbone, pairTokens, pairImages);
      try (Session session = new Session(graph)) {
        session.initialize();
        WeightLoader.load(session, encoders.online().parameters(), StateDict.read(checkpoint),
            WeightCompatibility.strict()
                .withIgnoredKeys(interaction.ignoredImportKeys().toArray(String[]::new))
                .withIgnoredKeys(backbone.ignoredImportKeys().toArray(String[]::new)));
        float[][] image = runImages(session, encoders);
        outputs = runPairs(session, encoders, lsci, pairTokens, pairImages, image[1]);
        outputs[6] = image[0];
      }
    }
  }

  private static LsciSettings settings(JsonNode lsci) {
    return new LsciSettings(lsci.get("text_blocks").asInt(), lsci.get("fusion_layers").asInt(),
        lsci.get("fusion_heads").asInt(), lsci.get("fusion_ffn").asInt(), lsci.get("fusion_causal").asBoolean(),
        lsci.get("image_width").asInt(), lsci.get("hidden").asInt(), lsci.get("encoder_layers").asInt(),
        lsci.get("encoder_heads").asInt(), lsci.get("encoder_ffn").asInt(), lsci.get("mask_padding").asBoolean(),
        0.1);
  }

  private static float[][] runImages(Session session, EncoderGraph encoders) {
    JsonNode pixels = expected.get("pixels_nchw");
    int images = pixels.size();
    int size = pixels.get(0).get(0).size();
    float[] nhwc = FixtureArrays.nchwToNhwc(pixels);
    try (TFloat32 input = TFloat32.tensorOf(Shape.of(images, size, size, 3), DataBuffers.of(nhwc, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0, 0);
        Result result = session.runner().feed(encoders.pixels(), input).feed(encoders.trainingFlag(), training)
            .feed(encoders.stepSeed(), seed).fetch(encoders.image().localTokens()).run()) {
      return new float[][] {read((TFloat32) result.get(0)), read((TFloat32) result.get(0))};
    }
  }

  private static float[][] runPairs(Session session, EncoderGraph encoders, LsciInteraction.Outputs lsci,
      Placeholder<TInt32> pairTokens, Placeholder<TFloat32> pairImages, float[] localTokens) {
    JsonNode pairs = expected.get("pairs");
    JsonNode tokenRows = expected.get("tokens");
    pairCount = pairs.size();
    int length = tokenRows.get(0).size();
    int perImage = (int) (encoders.image().tokens() * encoders.image().width());
    int[] tokens = new int[pairCount * length];
    float[] images = new float[pairCount * perImage];
    for (int p = 0; p < pairCount; p++) {
      JsonNode row = tokenRows.get(pairs.get(p).get("text").asInt());
      for (int j = 0; j < length; j++) {
        tokens[p * length + j] = row.get(j).asInt();
      }
      System.arraycopy(localTokens, pairs.get(p).get("image").asInt() * perImage, images, p * perImage, perImage);
    }
    List<Operand<TFloat32>> fetches = List.of(lsci.logits(), lsci.pooled(), lsci.textPath(), lsci.fusedText(),
        lsci.fusedImage(), lsci.encoderOut());
    try (TInt32 tokenTensor = TInt32.tensorOf(Shape.of(pairCount, length), DataBuffers.of(tokens, true, false));
        TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(pairCount, encoders.image().tokens(),
            encoders.image().width()), DataBuffers.of(images, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0, 0)) {
      Session.Runner runner = session.runner().feed(pairTokens, tokenTensor).feed(pairImages, imageTensor)
          .feed(encoders.trainingFlag(), training).feed(encoders.stepSeed(), seed);
      fetches.forEach(runner::fetch);
      try (Result result = runner.run()) {
        float[][] values = new float[7][];
        for (int i = 0; i < fetches.size(); i++) {
          values[i] = read((TFloat32) result.get(i));
        }
        return values;
      }
    }
  }

  private static float[] read(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }

  @Test
  void imageLocalTokensMatchReference() {
    FixtureArrays.assertClose("image_local_tokens", outputs[6],
        FixtureArrays.flatten(expected.get("image_local_tokens")), TOLERANCE);
  }

  @Test
  void matchLogitsOfNinePairsMatchReference() {
    FixtureArrays.assertClose("pair_itm_logits", outputs[0],
        FixtureArrays.flatten(expected.get("pair_itm_logits")), TOLERANCE);
  }

  @Test
  void pooledVectorsMatchReference() {
    FixtureArrays.assertClose("pair_pooled", outputs[1],
        FixtureArrays.flatten(expected.get("pair_pooled")), TOLERANCE);
  }

  @Test
  void textPathMatchesReference() {
    assertIntermediate("pair_text_path", outputs[2]);
  }

  @Test
  void fusedTextMatchesReference() {
    assertIntermediate("pair_fused_text", outputs[3]);
  }

  @Test
  void fusedImageMatchesReference() {
    assertIntermediate("pair_fused_image", outputs[4]);
  }

  @Test
  void encoderOutputMatchesReference() {
    assertIntermediate("pair_encoder_out", outputs[5]);
  }

  /** Intermediates are given for the first pairs only; compares that prefix of the output. */
  private static void assertIntermediate(String key, float[] actual) {
    double[] reference = FixtureArrays.flatten(expected.get(key));
    float[] prefix = new float[reference.length];
    System.arraycopy(actual, 0, prefix, 0, reference.length);
    FixtureArrays.assertClose(key, prefix, reference, TOLERANCE);
  }
}
