package io.rsitr.plugin;

import io.rsitr.nn.ModelScope;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Extension point: a dual encoder that turns images and captions into embeddings and local tokens.
 *
 * <p>The runtime builds the encoders more than once in one graph: the online copy, and a momentum
 * copy when a loss or interaction needs one. Every build reads its parameters from
 * {@link ModelScope#store()}, named by their open_clip state-dict keys so checkpoints import key by
 * key. Implementations are immutable after {@link BackboneFactory#create}.
 */
public interface Backbone {

  /** Returns the square input image size in pixels. */
  int imageSize();

  /** Returns the number of token positions per caption. */
  int contextLength();

  /** Returns the number of token ids the text tower embeds. */
  int vocabSize();

  int embedDim();

  /** Returns per-channel RGB means used to normalise pixels in [0, 1]. */
  float[] pixelMean();

  /** Returns per-channel RGB standard deviations used to normalise pixels in [0, 1]. */
  float[] pixelStd();

  /** Encodes normalised pixels {@code [B, size, size, 3]} (NHWC). */
  ImageFeatures encodeImage(ModelScope scope, Operand<TFloat32> pixels);

  /**
   * Encodes token ids {@code [B, contextLength]}; the end-of-text token is the largest id in each
   * row, and pooling uses its position.
   */
  TextFeatures encodeText(ModelScope scope, Operand<TInt32> tokens);

  /**
   * Returns token plus positional embeddings {@code [B, contextLength, width]} of the online text
   * tower, the input an interaction's own text path starts from.
   */
  Operand<TFloat32> embedTokens(ModelScope scope, Operand<TInt32> tokens);

  /** Returns the text transformer's width, which an interaction's own text blocks share. */
  default int textWidth() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not describe its text blocks");
  }

  /** Returns the text transformer's attention heads. */
  default int textHeads() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not describe its text blocks");
  }

  /** Returns the text transformer's MLP width. */
  default int textMlpWidth() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not describe its text blocks");
  }

  /** Returns the number of text transformer blocks. */
  default int textLayers() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not describe its text blocks");
  }

  /** Returns the MLP activation of the transformer blocks. */
  default io.rsitr.nn.Activation activation() {
    return io.rsitr.nn.Activation.GELU;
  }

  /** Returns the width of each image local token. */
  default int imageWidth() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not describe its image tokens");
  }

  /** Returns the learned log similarity scale (a scalar), created in the online store. */
  Operand<TFloat32> logitScale(ModelScope scope);

  /** Returns the learned similarity bias (a scalar), created in the online store. */
  Operand<TFloat32> logitBias(ModelScope scope);

  /** Returns parameter keys the momentum copy reads from the online model instead of copying. */
  Set<String> momentumSharedKeys();

  /** Returns keys a weight file may omit; they keep their initial value (for example {@code logit_bias}). */
  Set<String> optionalImportKeys();

  /** Returns the pretrained weight file named in the YAML, or {@code null} to start from initial values. */
  default java.nio.file.Path pretrainedWeights() {
    return null;
  }

  /** Returns keys of weight files that belong to no model parameter and are skipped on import. */
  default Set<String> ignoredImportKeys() {
    return Set.of();
  }

  /** Explains a shape mismatch of one imported key in the model's terms, or returns {@code null}. */
  default String explainShapeMismatch(String key, long[] expected, long[] actual) {
    return null;
  }
}
