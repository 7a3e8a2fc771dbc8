package io.rsitr.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Element-wise activations, named as they appear in YAML. */
public enum Activation {
  /** Exact GELU: {@code 0.5·x·(1 + erf(x/√2))}. */
  GELU("gelu"),
  /** The sigmoid approximation OpenAI's CLIP weights were trained with: {@code x·σ(1.702·x)}. */
  QUICK_GELU("quick_gelu"),
  RELU("relu");

  private final String yamlName;

  Activation(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Activation fromYamlName(String name) {
    for (Activation activation : values()) {
      if (activation.yamlName.equals(name)) {
        return activation;
      }
    }
    throw new IllegalArgumentException("unknown activation '" + name + "'; use gelu, quick_gelu or relu");
  }

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    switch (this) {
      case GELU:
        Operand<TFloat32> erf = tf.math.erf(tf.math.mul(x, tf.constant((float) (1.0 / Math.sqrt(2.0)))));
        return tf.math.mul(tf.math.mul(x, tf.constant(0.5f)), tf.math.add(erf, tf.constant(1f)));
      case QUICK_GELU:
        return tf.math.mul(x, tf.math.sigmoid(tf.math.mul(x, tf.constant(1.702f))));
      case RELU:
        return tf.nn.relu(x);
      default:
        throw new IllegalStateException(name());
    }
  }
}
