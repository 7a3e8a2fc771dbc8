package io.rsitr.embed;

/**
 * Image tower outputs for a list of images.
 *
 * @param embeddings L2-normalised embeddings, {@code [images, embedDim]}
 * @param localTokens per image, its {@code tokens·width} local tokens flattened
 */
public record ImageEncodings(float[][] embeddings, float[][] localTokens) {}
