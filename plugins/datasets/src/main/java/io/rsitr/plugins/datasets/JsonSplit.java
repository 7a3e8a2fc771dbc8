package io.rsitr.plugins.datasets;

import io.rsitr.data.image.ImageDecoder;
import io.rsitr.data.image.RgbImage;
import io.rsitr.plugin.DataSplit;
import java.nio.file.Path;
import java.util.List;

/**
 * One split of the {@code rsitr-json} dataset: images on disk, captions from an annotation file.
 * {@link #loadImage} decodes the file on every call and keeps no state, so it is thread-safe.
 */
final class JsonSplit implements DataSplit {

  private final String name;
  private final List<String> filenames;
  private final List<Path> imageFiles;
  private final CaptionTable captions;

  /**
   * @param filenames image names as written in the annotation file, used as image ids
   * @param imageFiles the resolved files, in the same order
   */
  JsonSplit(String name, List<String> filenames, List<Path> imageFiles, CaptionTable captions) {
    if (filenames.size() != imageFiles.size() || filenames.size() != captions.numImages()) {
      throw new IllegalArgumentException("split '" + name + "' has " + filenames.size() + " names, "
          + imageFiles.size() + " files and captions of " + captions.numImages() + " images");
    }
    this.name = name;
    this.filenames = List.copyOf(filenames);
    this.imageFiles = List.copyOf(imageFiles);
    this.captions = captions;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int numImages() {
    return filenames.size();
  }

  @Override
  public int numCaptions() {
    return captions.numCaptions();
  }

  @Override
  public String caption(int captionIndex) {
    return captions.caption(captionIndex);
  }

  @Override
  public int imageOfCaption(int captionIndex) {
    return captions.imageOfCaption(captionIndex);
  }

  @Override
  public int[] captionsOfImage(int imageIndex) {
    return captions.captionsOfImage(imageIndex);
  }

  @Override
  public String imageId(int imageIndex) {
    return filenames.get(imageIndex);
  }

  @Override
  public RgbImage loadImage(int imageIndex) {
    return ImageDecoder.decode(imageFiles.get(imageIndex));
  }

  CaptionTable captionTable() {
    return captions;
  }
}
