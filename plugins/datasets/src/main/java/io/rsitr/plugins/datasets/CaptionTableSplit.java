package io.rsitr.plugins.datasets;

import io.rsitr.plugin.DataSplit;

/**
 * A split whose captions live in a {@link CaptionTable}; subclasses supply the images.
 * Captions are identified by index, never by text.
 */
abstract class CaptionTableSplit implements DataSplit {

  private final String name;
  private final CaptionTable captions;

  CaptionTableSplit(String name, CaptionTable captions) {
    this.name = name;
    this.captions = captions;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int numCaptions() {
    return captions.numCaptions();
  }

  @Override
  public final String caption(int captionIndex) {
    return captions.caption(captionIndex);
  }

  @Override
  public final int imageOfCaption(int captionIndex) {
    return captions.imageOfCaption(captionIndex);
  }

  @Override
  public final int[] captionsOfImage(int imageIndex) {
    return captions.captionsOfImage(imageIndex);
  }

  final CaptionTable captionTable() {
    return captions;
  }
}
