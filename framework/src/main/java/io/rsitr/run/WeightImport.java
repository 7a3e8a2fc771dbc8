package io.rsitr.run;

import io.rsitr.train.TrainingGraph;
import org.tensorflow.Session;

/** Imports the backbone's pretrained weights, when the YAML names a file, into a fresh session. */
final class WeightImport {

  private WeightImport() {}

  /** Returns the keys loaded from the weight file; empty without one. */
  static java.util.Set<String> importPretrained(Session session, TrainingGraph graph) {
    if (graph.encoders().backbone().pretrainedWeights() != null) {
      throw new UnsupportedOperationException("weight import is not wired in yet");
    }
    return java.util.Set.of();
  }
}
