package io.rsitr.nn;

import io.rsitr.weights.StateDict;
import io.rsitr.weights.WeightCompatibility;
import io.rsitr.weights.WeightTensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Loads a state dict into model parameters, all or nothing: every key is checked first (missing,
 * unexpected, mis-shaped, all listed at once), and values are assigned only when the check passes.
 */
public final class WeightLoader {

  private static final Logger LOG = LoggerFactory.getLogger(WeightLoader.class);
  private static final long ASSIGN_BATCH_ELEMENTS = 16L << 20;

  private WeightLoader() {}

  /**
   * Checks {@code weights} against {@code parameters} with {@code compatibility} and assigns every
   * parameter the weights hold.
   *
   * @return the number of parameters loaded
   * @throws io.rsitr.weights.WeightMismatchException listing every problem, before anything is assigned
   */
  public static int load(
      Session session, Collection<ModelParameter> parameters, StateDict weights, WeightCompatibility compatibility) {
    Map<String, long[]> expected = new LinkedHashMap<>();
    for (ModelParameter parameter : parameters) {
      expected.put(parameter.key(), parameter.torchShape());
    }
    compatibility.requireExact(expected, weights);

    List<ModelParameter> pending = new ArrayList<>();
    long pendingElements = 0;
    int loaded = 0;
    for (ModelParameter parameter : parameters) {
      if (!weights.contains(parameter.key())) {
        continue;
      }
      pending.add(parameter);
      pendingElements += parameter.size();
      loaded++;
      if (pendingElements >= ASSIGN_BATCH_ELEMENTS) {
        assign(session, pending, weights);
        pending.clear();
        pendingElements = 0;
      }
    }
    assign(session, pending, weights);
    LOG.info("loaded {} of {} parameters from the weight file", loaded, parameters.size());
    return loaded;
  }

  private static void assign(Session session, List<ModelParameter> parameters, StateDict weights) {
    if (parameters.isEmpty()) {
      return;
    }
    List<Tensor> owned = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (ModelParameter parameter : parameters) {
        WeightTensor tensor = weights.get(parameter.key());
        float[] values = parameter.layout().toGraphOrder(tensor.values(), parameter.torchShape());
        TFloat32 feed = TFloat32.tensorOf(Shape.of(parameter.graphShape()), DataBuffers.of(values, true, false));
        owned.add(feed);
        runner.feed(parameter.feed(), feed).addTarget(parameter.load());
      }
      runner.run().close();
    } finally {
      owned.forEach(Tensor::close);
    }
  }
}
