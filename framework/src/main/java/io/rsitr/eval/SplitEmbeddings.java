package io.rsitr.eval;

/**
 * Embeddings of every image and caption of a split, with the similarity scale and bias of the model
 * that produced them.
 *
 * @param images L2-normalised image embeddings, {@code [images, D]}
 * @param captions L2-normalised caption embeddings, {@code [captions, D]}
 * @param imageLocalTokens each image's local tokens flattened, or {@code null} when no interaction
 *     needs them
 * @param captionTokens each caption's token ids
 */
public record SplitEmbeddings(
    float[][] images, float[][] captions, float scale, float bias, float[][] imageLocalTokens, int[][] captionTokens) {

  /** Returns {@code s · v·tᵀ + b}, {@code [images, captions]}. */
  public float[][] scoresI2t() {
    int n = images.length;
    int m = captions.length;
    float[][] scores = new float[n][m];
    for (int i = 0; i < n; i++) {
      float[] image = images[i];
      float[] row = scores[i];
      for (int j = 0; j < m; j++) {
        float[] caption = captions[j];
        float dot = 0f;
        for (int d = 0; d < image.length; d++) {
          dot += image[d] * caption[d];
        }
        row[j] = scale * dot + bias;
      }
    }
    return scores;
  }

  /** Returns the transpose of a score matrix. */
  public static float[][] transpose(float[][] scores) {
    int rows = scores.length;
    int columns = rows == 0 ? 0 : scores[0].length;
    float[][] result = new float[columns][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        result[j][i] = scores[i][j];
      }
    }
    return result;
  }
}
