package io.rsitr.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.nn.ModelParameter;
import io.rsitr.nn.WeightLoader;
import io.rsitr.testing.FixtureArrays;
import io.rsitr.testing.SharedFiles;
import io.rsitr.train.EncoderGraph;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import java.nio.file.Path;
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
    float[] nhwc = FixtureArrays.nchwToNhwc(pixels);
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
    FixtureArrays.assertClose("image_embedding", outputs[0],
        FixtureArrays.flatten(expected.get("image_embedding")), TOLERANCE);
  }

  @Test
  void imageLocalTokensMatchReference() {
    FixtureArrays.assertClose("image_local_tokens", outputs[1],
        FixtureArrays.flatten(expected.get("image_local_tokens")), TOLERANCE);
  }

  @Test
  void textEmbeddingsMatchReference() {
    FixtureArrays.assertClose("text_embedding", outputs[2],
        FixtureArrays.flatten(expected.get("text_embedding")), TOLERANCE);
  }

  @Test
  void textLocalTokensMatchReference() {
    FixtureArrays.assertClose("text_local_tokens", outputs[3],
        FixtureArrays.flatten(expected.get("text_local_tokens")), TOLERANCE);
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
    FixtureArrays.assertClose("logits_i2t", logits, FixtureArrays.flatten(expected.get("logits_i2t")), TOLERANCE);
  }
}
