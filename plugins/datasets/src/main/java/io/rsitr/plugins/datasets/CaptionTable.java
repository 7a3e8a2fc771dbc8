package io.rsitr.plugins.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * The captions of one split in one flat list, image by image, with the index maps both ways.
 * Immutable.
 */
final class CaptionTable {

  private final List<String> captions;
  private final int[] imageOfCaption;
  private final int[][] captionsOfImage;

  /** Builds the table from each image's captions, in image order. */
  CaptionTable(List<List<String>> captionsPerImage) {
    List<String> flat = new ArrayList<>();
    captionsOfImage = new int[captionsPerImage.size()][];
    for (int image = 0; image < captionsPerImage.size(); image++) {
      List<String> imageCaptions = captionsPerImage.get(image);
      captionsOfImage[image] = new int[imageCaptions.size()];
      for (int k = 0; k < imageCaptions.size(); k++) {
        captionsOfImage[image][k] = flat.size();
        flat.add(imageCaptions.get(k));
      }
    }
    captions = List.copyOf(flat);
    imageOfCaption = new int[captions.size()];
    for (int image = 0; image < captionsOfImage.length; image++) {
      for (int caption : captionsOfImage[image]) {
        imageOfCaption[caption] = image;
      }
    }
  }

  int numImages() {
    return captionsOfImage.length;
  }

  int numCaptions() {
    return captions.size();
  }

  String caption(int captionIndex) {
    return captions.get(captionIndex);
  }

  int imageOfCaption(int captionIndex) {
    return imageOfCaption[captionIndex];
  }

  /** Returns a copy, so callers cannot change the table. */
  int[] captionsOfImage(int imageIndex) {
    return captionsOfImage[imageIndex].clone();
  }
}
