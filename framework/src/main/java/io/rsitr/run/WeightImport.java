package io.rsitr.run;

import io.rsitr.nn.ModelParameter;
import io.rsitr.nn.WeightLoader;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.Interaction;
import io.rsitr.train.TrainingGraph;
import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Session;

/**
 * Imports the backbone's pretrained weights, when the YAML names a file, into a freshly initialised
 * session. Strict: every missing, unexpected or mis-shaped key is reported before anything loads.
 * Interaction parameters may be absent from a backbone checkpoint; they keep their initial values
 * (or their copies of backbone blocks).
 */
public final class WeightImport {

  private WeightImport() {}

  /** Returns the keys loaded from the weight file; empty without one. */
  public static Set<String> importPretrained(Session session, TrainingGraph graph) {
    Backbone backbone = graph.encoders().backbone();
    Path file = backbone.pretrainedWeights();
    if (file == null) {
      return Set.of();
    }
    StateDict weights;
    try {
      weights = StateDict.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read backbone.weights " + file + ": " + e.getMessage(), e);
    }
    return load(session, graph.encoders().online().parameters(), weights, backbone, graph.encoders().interaction());
  }

  /** Loads {@code weights} into {@code parameters} and returns the keys it loaded. */
  public static Set<String> load(Session session, java.util.Collection<ModelParameter> parameters, StateDict weights,
      Backbone backbone, Interaction interaction) {
    Set<String> optional = new LinkedHashSet<>(backbone.optionalImportKeys());
    Set<String> ignored = new LinkedHashSet<>(backbone.ignoredImportKeys());
    ignored.add("*_m");
    ignored.add("*_m.*");
    if (interaction != null) {
      ignored.addAll(interaction.ignoredImportKeys());
      Set<String> backboneKeys = backboneKeys(parameters, interaction);
      for (ModelParameter parameter : parameters) {
        if (!backboneKeys.contains(parameter.key())) {
          optional.add(parameter.key());
        }
      }
    }
    WeightCompatibility compatibility = WeightCompatibility.strict()
        .withIgnoredKeys(ignored.toArray(String[]::new))
        .withOptionalKeys(optional.toArray(String[]::new))
        .withShapeExplainer((name, expected, actual) ->
            Optional.ofNullable(backbone.explainShapeMismatch(name, expected, actual)));
    WeightLoader.load(session, parameters, weights, compatibility);
    Set<String> loaded = new HashSet<>();
    for (ModelParameter parameter : parameters) {
      if (weights.contains(parameter.key())) {
        loaded.add(parameter.key());
      }
    }
    return loaded;
  }

  /** Keys of the backbone: everything except what the interaction owns. */
  private static Set<String> backboneKeys(java.util.Collection<ModelParameter> parameters, Interaction interaction) {
    Set<String> keys = new HashSet<>();
    for (ModelParameter parameter : parameters) {
      if (!interaction.ownsParameter(parameter.key())) {
        keys.add(parameter.key());
      }
    }
    return keys;
  }
}
