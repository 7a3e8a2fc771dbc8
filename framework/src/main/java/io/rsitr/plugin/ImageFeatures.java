package io.rsitr.plugin;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Image tower outputs for a batch.
 *
 * @param embedding L2-normalised global embeddings, {@code [B, embedDim]}
 * @param localTokens every token after the final LayerNorm, {@code [B, tokens, width]}
 */
public record ImageFeatures(Operand<TFloat32> embedding, Operand<TFloat32> localTokens, long tokens, long width) {}
