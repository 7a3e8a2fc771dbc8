package io.rsitr.plugin;

import io.rsitr.data.image.RgbImage;

/**
 * One split of a retrieval dataset: images, captions, and which caption belongs to which image.
 *
 * <p>Captions are identified by index, never by text: the same sentence may describe several
 * images. {@link #loadImage} is called from several threads at once.
 */
public interface DataSplit {

  /** Returns {@code train}, {@code val} or {@code test}. */
  String name();

  int numImages();

  int numCaptions();

  /** Returns the caption as written in the source, before normalisation. */
  String caption(int captionIndex);

  int imageOfCaption(int captionIndex);

  int[] captionsOfImage(int imageIndex);

  /** Returns a readable identifier of an image for messages, for example its file name. */
  String imageId(int imageIndex);

  /** Loads and decodes one image as 8-bit RGB. */
  RgbImage loadImage(int imageIndex);
}
