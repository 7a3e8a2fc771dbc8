package io.rsitr.train;

import io.rsitr.nn.ModelParameter;
import io.rsitr.nn.ModelScope;
import io.rsitr.nn.ParameterStore;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.ImageFeatures;
import io.rsitr.plugin.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The exponential-moving-average copy of the backbone: its own non-trainable variables, except the
 * keys the backbone shares with the online model (token and positional embeddings, final LayerNorm).
 *
 * <p>{@link #update()} moves every copy by {@code (1 − m)·(online − momentum)} and runs once per step
 * before the momentum embeddings are computed; {@link #sync()} copies the online weights, after any
 * import. Outputs pass through a stop-gradient, so nothing flows back into the copies.
 */
public final class MomentumEncoder {

  private final ParameterStore store;
  private final Operand<TFloat32> image;
  private final Operand<TFloat32> text;
  private final Op update;
  private final Op sync;

  public MomentumEncoder(EncoderGraph online, double momentum) {
    Ops tf = online.tf();
    Backbone backbone = online.backbone();
    store = ParameterStore.momentumOf(online.online(), backbone.momentumSharedKeys());
    ModelScope scope = online.scope().withStore(store);
    ImageFeatures momentumImage = backbone.encodeImage(scope, online.pixels());
    TextFeatures momentumText = backbone.encodeText(scope, online.tokens());
    image = tf.stopGradient(momentumImage.embedding());
    text = tf.stopGradient(momentumText.embedding());

    List<Op> updates = new ArrayList<>();
    List<Op> syncs = new ArrayList<>();
    Operand<TFloat32> keep = tf.constant((float) momentum);
    Operand<TFloat32> take = tf.constant((float) (1.0 - momentum));
    for (ModelParameter copy : store.parameters()) {
      Operand<TFloat32> source = online.online().get(copy.key()).value();
      updates.add(tf.assign(copy.variable(), tf.math.add(tf.math.mul(copy.value(), keep), tf.math.mul(source, take))));
      syncs.add(tf.assign(copy.variable(), source));
    }
    update = tf.withControlDependencies(updates).withName("momentum_update").noOp();
    sync = tf.withControlDependencies(syncs).withName("momentum_sync").noOp();
  }

  public ParameterStore store() {
    return store;
  }

  public Operand<TFloat32> imageEmbedding() {
    return image;
  }

  public Operand<TFloat32> textEmbedding() {
    return text;
  }

  public Op update() {
    return update;
  }

  public Op sync() {
    return sync;
  }
}
