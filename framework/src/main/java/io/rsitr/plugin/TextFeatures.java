package io.rsitr.plugin;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Text tower outputs for a batch.
 *
 * @param embedding L2-normalised global embeddings, {@code [B, embedDim]}
 * @param localTokens every token after the final LayerNorm, {@code [B, length, width]}
 * @param inputEmbeddings token plus positional embeddings before the first block, {@code [B, length, width]}
 */
public record TextFeatures(
    Operand<TFloat32> embedding,
    Operand<TFloat32> localTokens,
    Operand<TFloat32> inputEmbeddings,
    long length,
    long width) {}
