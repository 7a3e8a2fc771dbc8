package io.rsitr.train;

import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ContrastiveLoss;
import io.rsitr.plugin.Interaction;
import io.rsitr.plugin.Parameters;
import io.rsitr.plugin.PluginFactory;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.data.pipeline.Batch;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds plugins with explicit parameters for graph-level tests. */
final class TrainingGraphFixtures {

  private TrainingGraphFixtures() {}

  static <T> T plugin(PluginKind kind, String name, Map<String, Object> overrides) {
    PluginFactory<T> factory = PluginRegistry.discover().factory(kind, name);
    Map<String, Object> values = new HashMap<>();
    factory.parameters().forEach(p -> values.put(p.name(), p.defaultValue()));
    values.putAll(overrides);
    return factory.create(new Parameters(kind.yamlKey(), values));
  }

  static Backbone tinyClip() {
    return plugin(PluginKind.BACKBONE, "clip", Map.ofEntries(
        Map.entry("embed_dim", 32), Map.entry("image_size", 32), Map.entry("patch_size", 16),
        Map.entry("vision_width", 32), Map.entry("vision_layers", 1), Map.entry("vision_heads", 2),
        Map.entry("context_length", 8), Map.entry("vocab_size", 50), Map.entry("text_width", 32),
        Map.entry("text_heads", 2), Map.entry("text_layers", 1)));
  }

  static Interaction none() {
    return plugin(PluginKind.INTERACTION, "none", Map.of());
  }

  static ContrastiveLoss infonce(boolean momentumTargets) {
    return plugin(PluginKind.LOSS, "infonce", Map.of("momentum_targets", momentumTargets));
  }

  static TrainSettings settings(double learningRate) {
    return new TrainSettings(1, 4, learningRate, learningRate, 0.0, new AdamWSettings(0.9, 0.98, 1e-8, 0.04),
        0.995, 1.0, 1.0, 1, 1, 1, 0, 0.9, 1.0, false, false);
  }

  /** Returns a batch of random pixels and token rows whose last id is the largest (the end of text). */
  static Batch randomBatch(Backbone backbone, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int side = backbone.imageSize();
    float[] pixels = new float[size * side * side * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    int length = backbone.contextLength();
    int[] tokens = new int[size * length];
    for (int b = 0; b < size; b++) {
      for (int j = 0; j < 4; j++) {
        tokens[b * length + j] = random.nextInt(backbone.vocabSize() - 1);
      }
      tokens[b * length + 4] = backbone.vocabSize() - 1;
    }
    int[] indices = new int[size];
    for (int b = 0; b < size; b++) {
      indices[b] = b;
    }
    return new Batch(pixels, tokens, indices, indices);
  }
}
