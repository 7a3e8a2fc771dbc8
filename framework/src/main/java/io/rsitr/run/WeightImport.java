package io.rsitr.run;

import io.rsitr.train.TrainingGraph;
import org.tensorflow.Session;

/** Imports the backbone's pretrained weights, when the YAML names a file, into a fresh session. */
final class WeightImport {

  private WeightImport() {}

  static void importPretrained(Session session, TrainingGraph graph) {
    if (graph.encoders().backbone().pretrainedWeights() != null) {
      throw new UnsupportedOperationException("weight import is not wired in yet");
    }
  }
}
