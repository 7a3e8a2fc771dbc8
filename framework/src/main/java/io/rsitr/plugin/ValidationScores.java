package io.rsitr.plugin;

/**
 * Dual-encoder scores of the validation split after an epoch, {@code s · v·tᵀ + b}, without re-ranking.
 *
 * @param scoresI2t {@code [images, captions]}
 * @param scoresT2i {@code [captions, images]}
 * @param captionsOfImage ground truth: caption indices of each image
 * @param imageOfCaption ground truth: the image index of each caption
 */
public record ValidationScores(
    float[][] scoresI2t, float[][] scoresT2i, int[][] captionsOfImage, int[] imageOfCaption) {}
