package io.rsitr.run;

import io.rsitr.plugin.Parameters;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/** Creates TensorFlow sessions configured by the YAML {@code runtime} section. */
public final class SessionFactory {

  private SessionFactory() {}

  public static Session create(Graph graph, Parameters runtime) {
    ConfigProto.Builder config = ConfigProto.newBuilder().setAllowSoftPlacement(true);
    int threads = runtime.getInt("threads");
    if (threads > 0) {
      config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(Math.min(threads, 2));
    }
    if (runtime.getString("device").equals("cpu")) {
      config.putDeviceCount("GPU", 0);
    } else {
      config.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(runtime.getBool("memory_growth")));
    }
    if (runtime.getBool("xla")) {
      config.setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(
          OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
    }
    return new Session(graph, config.build());
  }
}
