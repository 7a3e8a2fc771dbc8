package io.rsitr.plugin;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Inputs a contrastive loss reads for one batch of B (image, caption) pairs, where pair b matches.
 *
 * @param image online image embeddings, L2-normalised, {@code [B, D]}
 * @param text online text embeddings, L2-normalised, {@code [B, D]}
 * @param imageMomentum momentum image embeddings without gradient, or {@code null} without momentum
 * @param textMomentum momentum text embeddings without gradient, or {@code null} without momentum
 * @param scale the similarity scale {@code exp(logit_scale)}, a scalar
 * @param bias the similarity bias {@code logit_bias}, a scalar
 */
public record ContrastiveInputs(
    Operand<TFloat32> image,
    Operand<TFloat32> text,
    Operand<TFloat32> imageMomentum,
    Operand<TFloat32> textMomentum,
    Operand<TFloat32> scale,
    Operand<TFloat32> bias) {

  public boolean hasMomentum() {
    return imageMomentum != null && textMomentum != null;
  }
}
