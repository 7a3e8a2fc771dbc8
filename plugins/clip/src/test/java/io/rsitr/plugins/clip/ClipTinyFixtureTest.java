package io.rsitr.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.nn.ModelParameter;
import io.rsitr.nn.WeightLoader;
import io.rsitr.testing.SharedFiles;
import io.rsitr.train.EncoderGraph;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The clip backbone with the reference's small seeded checkpoint reproduces the reference outputs
 * to 1e-4 (float32).
 */
class ClipTinyFixtureTest {

  private static final double TOLERANCE = 1e-4;
  private static JsonNode expected;
  private static float[][] outputs;

  @BeforeAll
  static void runFixtureModel() throws Exception {
    Path config = SharedFiles.require("fixtures/clip_tiny/clip_tiny_config.json");
    Path checkpoint = SharedFiles.require("fixtures/clip_tiny/clip_tiny.pth");
    expected = new ObjectMapper().readTree(SharedFiles.require("fixtures/clip_tiny/clip_tiny_outputs.json").toFile());
    ClipBackbone backbone = new ClipBackbone(OpenClipModelConfig.read(config, ClipBackboneFactory.DEFAULT_LOGIT_SCALE), null);

    try (Graph graph = new Graph()) {
      EncoderGraph encoders = new EncoderGraph(Ops.create(graph), backbone, null, 1);
      try (Session session = new Session(graph)) {
        session.initialize();
        WeightLoader.load(session, encoders.online().parameters(), StateDict.read(checkpoint),
            WeightCompatibility.strict().withIgnoredKeys(backbone.ignoredImportKeys().toArray(String[]::new)));
        outputs = run(session, encoders);
      }
    }
  }

  private static float[][] run(Session session, EncoderGraph encoders) {
    JsonNode pixels = expected.get("pixels_nchw");
    int images = pixels.size();
    int size = pixels.get(0).get(0).size();
    float[] nhwc = new float[images * size * size * 3];
    for (int n = 0; n < images; n++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            nhwc[((n * size + y) * size + x) * 3 + c] = (float) pixels.get(n).get(c).get(y).get(x).asDouble();
          }
        }
      }
    }
    JsonNode tokenRows = expected.get("tokens");
    int captions = tokenRows.size();
    int length = tokenRows.get(0).size();
    int[] tokens = new int[captions * length];
    for (int i = 0; i < captions; i++) {
      for (int j = 0; j < length; j++) {
        tokens[i * length + j] = tokenRows.get(i).get(j).asInt();
      }
    }
    try (TFloat32 pixelTensor = TFloat32.tensorOf(Shape.of(images, size, size, 3), DataBuffers.of(nhwc, true, false));
        TInt32 tokenTensor = TInt32.tensorOf(Shape.of(captions, length), DataBuffers.of(tokens, true, false));
        TFloat32 training = TFloat32.scalarOf(0f);
        TInt64 seed = TInt64.vectorOf(0, 0);
        Result result = session.runner()
            .feed(encoders.pixels(), pixelTensor).feed(encoders.tokens(), tokenTensor)
            .feed(encoders.trainingFlag(), training).feed(encoders.stepSeed(), seed)
            .fetch(encoders.image().embedding()).fetch(encoders.image().localTokens())
            .fetch(encoders.text().embedding()).fetch(encoders.text().localTokens())
            .fetch(encoders.scale()).fetch(encoders.bias())
            .run()) {
      float[][] values = new float[6][];
      for (int i = 0; i < 6; i++) {
        TFloat32 tensor = (TFloat32) result.get(i);
        values[i] = new float[(int) tensor.shape().size()];
        tensor.asRawTensor().data().asFloats().read(values[i]);
      }
      return values;
    }
  }

  @Test
  void imageEmbeddingsMatchReference() {
    assertClose("image_embedding", outputs[0], flatten(expected.get("image_embedding")));
  }

  @Test
  void imageLocalTokensMatchReference() {
    assertClose("image_local_tokens", outputs[1], flatten(expected.get("image_local_tokens")));
  }

  @Test
  void textEmbeddingsMatchReference() {
    assertClose("text_embedding", outputs[2], flatten(expected.get("text_embedding")));
  }

  @Test
  void textLocalTokensMatchReference() {
    assertClose("text_local_tokens", outputs[3], flatten(expected.get("text_local_tokens")));
  }

  @Test
  void logitsMatchReference() {
    float scale = outputs[4][0];
    float bias = outputs[5][0];
    float[] image = outputs[0];
    float[] text = outputs[2];
    int dim = expected.get("image_embedding").get(0).size();
    int images = image.length / dim;
    int captions = text.length / dim;
    float[] logits = new float[images * captions];
    for (int i = 0; i < images; i++) {
      for (int j = 0; j < captions; j++) {
        float dot = 0;
        for (int d = 0; d < dim; d++) {
          dot += image[i * dim + d] * text[j * dim + d];
        }
        logits[i * captions + j] = scale * dot + bias;
      }
    }
    assertClose("logits_i2t", logits, flatten(expected.get("logits_i2t")));
  }

  private static void assertClose(String name, float[] actual, double[] reference) {
    assertThat(actual.length).as("%s element count", name).isEqualTo(reference.length);
    double worst = 0;
    int worstIndex = -1;
    for (int i = 0; i < actual.length; i++) {
      double difference = Math.abs(actual[i] - reference[i]);
      if (difference > worst) {
        worst = difference;
        worstIndex = i;
      }
    }
    assertThat(worst).as("%s: largest absolute difference (at flat index %d)", name, worstIndex)
        .isLessThanOrEqualTo(TOLERANCE);
  }

  private static double[] flatten(JsonNode node) {
    List<Double> values = new ArrayList<>();
    collect(node, values);
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void collect(JsonNode node, List<Double> values) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, values));
    } else {
      values.add(node.asDouble());
    }
  }
}
