package io.rsitr.plugin;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Feeds per-step scalar values (for example a loss's focusing parameters) into placeholders. */
public interface StepFeeder {

  void feed(Operand<TFloat32> placeholder, float value);
}
