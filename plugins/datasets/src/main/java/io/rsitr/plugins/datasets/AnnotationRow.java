package io.rsitr.plugins.datasets;

import java.util.List;

/**
 * One image of an annotation file.
 *
 * @param index position of the row in the file's JSON list, counted from 0
 * @param filename the image path as written, relative to the image root
 * @param captions the captions as written, before normalisation
 */
public record AnnotationRow(int index, String filename, List<String> captions) {

  public AnnotationRow {
    captions = List.copyOf(captions);
  }
}
