package io.rsitr.nn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Named model parameters of one model copy (online or momentum), created on first request.
 *
 * <p>Parameters are keyed by their open_clip / PyTorch state-dict name so that checkpoints import
 * key by key. Initial values come from stateless random ops seeded by the store seed and a hash of
 * the key, so a parameter's initial value does not depend on the order in which layers are built.
 * A momentum store is a non-trainable copy; keys listed as shared resolve to the online store's
 * parameter instead of a copy.
 */
public final class ParameterStore {

  private final Ops tf;
  private final String scopeName;
  private final long seed;
  private final boolean trainable;
  private final ParameterStore sharedSource;
  private final Set<String> sharedKeys;
  private final Map<String, ModelParameter> parameters = new LinkedHashMap<>();

  private ParameterStore(
      Ops tf, String scopeName, long seed, boolean trainable, ParameterStore sharedSource, Set<String> sharedKeys) {
    this.tf = tf;
    this.scopeName = scopeName;
    this.seed = seed;
    this.trainable = trainable;
    this.sharedSource = sharedSource;
    this.sharedKeys = Set.copyOf(sharedKeys);
  }

  /** Creates the trainable store of the online model. */
  public static ParameterStore online(Ops tf, long seed) {
    return new ParameterStore(tf, "online", seed, true, null, Set.of());
  }

  /**
   * Creates a non-trainable momentum copy of {@code online}; keys in {@code sharedKeys} are read
   * from the online store.
   */
  public static ParameterStore momentumOf(ParameterStore online, Set<String> sharedKeys) {
    return new ParameterStore(online.tf, "momentum", online.seed, false, online, sharedKeys);
  }

  public Ops tf() {
    return tf;
  }

  public String scopeName() {
    return scopeName;
  }

  public boolean isMomentum() {
    return sharedSource != null;
  }

  /**
   * Returns the value of a parameter, creating it on first request.
   *
   * @param torchShape the shape in PyTorch checkpoints
   */
  public Operand<TFloat32> parameter(String key, long[] torchShape, ImportLayout layout, Initializer init) {
    if (sharedSource != null && sharedKeys.contains(key)) {
      return sharedSource.parameter(key, torchShape, layout, init);
    }
    ModelParameter existing = parameters.get(key);
    if (existing != null) {
      if (!Arrays.equals(existing.torchShape(), torchShape)) {
        throw new IllegalStateException("parameter " + key + " requested with shape " + Arrays.toString(torchShape)
            + " but was created with " + Arrays.toString(existing.torchShape()));
      }
      return existing.value();
    }
    ModelParameter created = create(key, torchShape, layout, init, trainable);
    parameters.put(key, created);
    return created.value();
  }

  /** Returns a parameter the optimizer never updates, in any store (for example a frozen projection). */
  public Operand<TFloat32> frozenParameter(String key, long[] torchShape, ImportLayout layout, Initializer init) {
    if (!parameters.containsKey(key)) {
      parameters.put(key, create(key, torchShape, layout, init, false));
    }
    return parameters.get(key).value();
  }

  /** Parameters owned by this store, in creation order (shared ones are owned by the online store). */
  public Collection<ModelParameter> parameters() {
    return Collections.unmodifiableCollection(parameters.values());
  }

  public ModelParameter get(String key) {
    ModelParameter parameter = parameters.get(key);
    if (parameter == null) {
      throw new IllegalArgumentException("no parameter named " + key + " in the " + scopeName + " model");
    }
    return parameter;
  }

  public boolean contains(String key) {
    return parameters.containsKey(key);
  }

  /** Trainable parameters, in creation order: the explicit list the optimizer updates. */
  public List<ModelParameter> trainableParameters() {
    List<ModelParameter> result = new ArrayList<>();
    for (ModelParameter parameter : parameters.values()) {
      if (parameter.trainable()) {
        result.add(parameter);
      }
    }
    return result;
  }

  private ModelParameter create(
      String key, long[] torchShape, ImportLayout layout, Initializer init, boolean isTrainable) {
    long[] graphShape = layout.graphShape(torchShape);
    Ops named = tf.withSubScope(scopeName);
    Operand<TFloat32> initialValue = initialValue(named, key, graphShape, init);
    Variable<TFloat32> variable = named.withName(variableName(key)).variable(initialValue);
    Operand<TFloat32> value = named.withName(variableName(key) + "_read").identity(variable);
    Placeholder<TFloat32> feed = named.withName(variableName(key) + "_feed")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(graphShape)));
    Assign<TFloat32> load = named.withName(variableName(key) + "_load").assign(variable, feed);
    return new ModelParameter(key, torchShape.clone(), graphShape, layout, variable, value, feed, load, isTrainable);
  }

  private Operand<TFloat32> initialValue(Ops named, String key, long[] shape, Initializer init) {
    Ops initOps = named.withInitScope();
    Operand<TInt64> dims = initOps.constant(shape);
    switch (init.kind()) {
      case CONSTANT:
        return initOps.fill(dims, initOps.constant((float) init.value()));
      case NORMAL:
        return initOps.math.mul(
            initOps.random.statelessRandomNormal(dims, seedFor(initOps, key)), initOps.constant((float) init.value()));
      case TRUNCATED_NORMAL:
        return initOps.math.mul(
            initOps.random.statelessTruncatedNormal(dims, seedFor(initOps, key)),
            initOps.constant((float) init.value()));
      default:
        throw new IllegalStateException(init.kind().name());
    }
  }

  private Operand<TInt64> seedFor(Ops initOps, String key) {
    return initOps.constant(new long[] {seed, fnv1a(key)});
  }

  /** Stable 64-bit FNV-1a hash, so a key always gets the same random stream for a given seed. */
  static long fnv1a(String key) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private static String variableName(String key) {
    return key;
  }
}
