package io.rsitr.run;

import io.rsitr.plugin.Parameters;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

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
    GraphOptions.Builder graphOptions = GraphOptions.newBuilder();
    if (runtime.getBool("xla")) {
      graphOptions.setOptimizerOptions(
          OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1));
    }
    if (runtime.getBool("mixed_precision")) {
      // Grappler's rewrite casts eligible ops to float16 on GPUs and to bfloat16 with oneDNN on
      // CPUs; variables and the optimizer stay float32.
      RewriterConfig.Builder rewrites = RewriterConfig.newBuilder();
      if (runtime.getString("device").equals("cpu")) {
        rewrites.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
      } else {
        rewrites.setAutoMixedPrecision(RewriterConfig.Toggle.ON);
      }
      graphOptions.setRewriteOptions(rewrites);
    }
    config.setGraphOptions(graphOptions);
    return new Session(graph, config.build());
  }
}
