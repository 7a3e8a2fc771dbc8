package io.rsitr.run;

import io.rsitr.plugin.Parameters;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Decides which device a run uses and fails early when the YAML requires a GPU that is not visible. */
public final class DeviceCheck {

  private DeviceCheck() {}

  /** Returns {@code cpu} or {@code gpu}, the value recorded as the run's device tag. */
  public static String resolve(Parameters runtime) {
    String requested = runtime.getString("device");
    boolean gpuVisible = gpuVisible();
    if ((runtime.getBool("require_gpu") || requested.equals("gpu")) && !gpuVisible) {
      throw new IllegalStateException("runtime.device is " + requested + (runtime.getBool("require_gpu")
          ? " with runtime.require_gpu: true" : "") + " but TensorFlow " + TensorFlow.version()
          + " sees no GPU; build with the gpu profile (mvn -Pgpu) on a machine with CUDA, or set runtime.device: cpu");
    }
    if (requested.equals("cpu")) {
      return "cpu";
    }
    return gpuVisible ? "gpu" : "cpu";
  }

  /** Places one constant on the first GPU without soft placement; that fails when none is visible. */
  private static boolean gpuVisible() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
      Operand<TFloat32> probe = tf.withName("gpu_probe").constant(1f);
      try (Session session = new Session(graph, ConfigProto.newBuilder().setAllowSoftPlacement(false).build());
          Result result = session.runner().fetch(probe).run()) {
        return result.size() == 1;
      }
    } catch (RuntimeException e) {
      return false;
    }
  }
}
