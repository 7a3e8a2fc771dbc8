package io.rsitr.eval;

import java.util.Arrays;

/**
 * Ground-truth matches of a retrieval split: the captions of each image (image → text) and the
 * image of each caption (text → image).
 *
 * <p>Captions are identified by their index, never by their text. Two captions with the same
 * words that belong to different images are different captions, and each is correct only for
 * its own image. Every caption belongs to exactly one image and every image has at least one
 * caption, and the constructor rejects anything else. Instances are immutable.
 */
public final class GroundTruth {

  private final int[][] captionsOfImage;
  private final int[] imageOfCaption;

  /**
   * Creates ground truth from both directions and checks that they agree.
   *
   * @param captionsOfImage for each image, the indices of its captions
   * @param imageOfCaption for each caption, the index of its image
   * @throws IllegalArgumentException when an index is out of range, a caption is listed under
   *     no image or under two, an image has no caption, or the two directions disagree
   */
  public GroundTruth(int[][] captionsOfImage, int[] imageOfCaption) {
    if (captionsOfImage == null || imageOfCaption == null) {
      throw new IllegalArgumentException("captionsOfImage and imageOfCaption must not be null");
    }
    this.captionsOfImage = deepCopy(captionsOfImage);
    this.imageOfCaption = imageOfCaption.clone();
    validate();
  }

  /**
   * Creates ground truth from the image index of each caption. The number of images is the
   * largest index plus one.
   *
   * @throws IllegalArgumentException when an index is negative or an image between 0 and the
   *     largest index has no caption
   */
  public static GroundTruth fromImageOfCaption(int[] imageOfCaption) {
    if (imageOfCaption == null || imageOfCaption.length == 0) {
      throw new IllegalArgumentException("imageOfCaption must list at least one caption");
    }
    int numImages = 0;
    for (int caption = 0; caption < imageOfCaption.length; caption++) {
      int image = imageOfCaption[caption];
      if (image < 0) {
        throw new IllegalArgumentException(
            "imageOfCaption[" + caption + "] is " + image + ", but image indices must be >= 0");
      }
      numImages = Math.max(numImages, image + 1);
    }

    int[] captionCounts = new int[numImages];
    for (int image : imageOfCaption) {
      captionCounts[image]++;
    }
    int[][] captionsOfImage = new int[numImages][];
    for (int image = 0; image < numImages; image++) {
      captionsOfImage[image] = new int[captionCounts[image]];
    }
    int[] filled = new int[numImages];
    for (int caption = 0; caption < imageOfCaption.length; caption++) {
      int image = imageOfCaption[caption];
      captionsOfImage[image][filled[image]++] = caption;
    }
    return new GroundTruth(captionsOfImage, imageOfCaption);
  }

  public int numImages() {
    return captionsOfImage.length;
  }

  public int numCaptions() {
    return imageOfCaption.length;
  }

  /** Returns the index of the image that the caption describes. */
  public int imageOf(int caption) {
    return imageOfCaption[caption];
  }

  /** Returns a copy of the caption indices of one image. */
  public int[] captionsOf(int image) {
    return captionsOfImage[image].clone();
  }

  /** Returns a copy of the caption indices of every image (image → text). */
  public int[][] captionsOfImage() {
    return deepCopy(captionsOfImage);
  }

  /** Returns a copy of the image index of every caption (text → image). */
  public int[] imageOfCaption() {
    return imageOfCaption.clone();
  }

  private void validate() {
    int numImages = captionsOfImage.length;
    int numCaptions = imageOfCaption.length;
    if (numImages == 0 || numCaptions == 0) {
      throw new IllegalArgumentException(
          "ground truth needs at least one image and one caption, got "
              + numImages + " images and " + numCaptions + " captions");
    }

    for (int caption = 0; caption < numCaptions; caption++) {
      int image = imageOfCaption[caption];
      if (image < 0 || image >= numImages) {
        throw new IllegalArgumentException(
            "imageOfCaption[" + caption + "] is " + image + ", outside the " + numImages
                + " images of captionsOfImage");
      }
    }

    int[] listedUnder = new int[numCaptions];
    Arrays.fill(listedUnder, -1);
    for (int image = 0; image < numImages; image++) {
      int[] captions = captionsOfImage[image];
      if (captions == null || captions.length == 0) {
        throw new IllegalArgumentException(
            "image " + image + " has no captions, but every image needs at least one");
      }
      for (int caption : captions) {
        checkListing(image, caption, listedUnder);
        listedUnder[caption] = image;
      }
    }

    for (int caption = 0; caption < numCaptions; caption++) {
      if (listedUnder[caption] < 0) {
        throw new IllegalArgumentException(
            "caption " + caption + " is listed under no image in captionsOfImage, but"
                + " imageOfCaption assigns it to image " + imageOfCaption[caption]);
      }
    }
  }

  private void checkListing(int image, int caption, int[] listedUnder) {
    if (caption < 0 || caption >= listedUnder.length) {
      throw new IllegalArgumentException(
          "captionsOfImage[" + image + "] contains caption " + caption + ", outside the "
              + listedUnder.length + " captions of imageOfCaption");
    }
    if (listedUnder[caption] >= 0) {
      throw new IllegalArgumentException(
          "caption " + caption + " is listed under image " + listedUnder[caption]
              + " and again under image " + image
              + ", but each caption must belong to exactly one image");
    }
    if (imageOfCaption[caption] != image) {
      throw new IllegalArgumentException(
          "caption " + caption + " is listed under image " + image
              + " in captionsOfImage, but imageOfCaption[" + caption + "] is "
              + imageOfCaption[caption]);
    }
  }

  private static int[][] deepCopy(int[][] rows) {
    int[][] copy = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i] == null ? null : rows[i].clone();
    }
    return copy;
  }
}
