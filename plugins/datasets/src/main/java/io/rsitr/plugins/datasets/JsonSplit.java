package io.rsitr.plugins.datasets;

import io.rsitr.data.image.ImageDecoder;
import io.rsitr.data.image.RgbImage;
import java.nio.file.Path;
import java.util.List;

/**
 * One split of the {@code rsitr-json} dataset: images on disk, captions from an annotation file.
 * {@link #loadImage} decodes the file on every call and keeps no state, so it is thread-safe.
 */
final class JsonSplit extends CaptionTableSplit {

  private final List<String> filenames;
  private final List<Path> imageFiles;

  /**
   * @param filenames image names as written in the annotation file, used as image ids
   * @param imageFiles the resolved files, in the same order
   */
  JsonSplit(String name, List<String> filenames, List<Path> imageFiles, CaptionTable captions) {
    super(name, captions);
    if (filenames.size() != imageFiles.size() || filenames.size() != captions.numImages()) {
      throw new IllegalArgumentException("split '" + name + "' has " + filenames.size() + " names, "
          + imageFiles.size() + " files and captions of " + captions.numImages() + " images");
    }
    this.filenames = List.copyOf(filenames);
    this.imageFiles = List.copyOf(imageFiles);
  }

  @Override
  public int numImages() {
    return filenames.size();
  }

  @Override
  public String imageId(int imageIndex) {
    return filenames.get(imageIndex);
  }

  @Override
  public RgbImage loadImage(int imageIndex) {
    return ImageDecoder.decode(imageFiles.get(imageIndex));
  }
}
