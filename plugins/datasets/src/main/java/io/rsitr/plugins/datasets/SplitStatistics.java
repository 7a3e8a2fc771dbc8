package io.rsitr.plugins.datasets;

import io.rsitr.data.text.CaptionNormalizer;
import io.rsitr.data.text.NormalizedCaption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts that describe one split, recorded on the run as {@code <split>.<name>}.
 *
 * <p>Captions are compared after {@link CaptionNormalizer} with the dataset's {@code max_words},
 * which gives the text the model is trained on, so captions that differ only in case or
 * punctuation count as duplicates.
 */
final class SplitStatistics {

  private SplitStatistics() {}

  /**
   * Returns image and caption counts, captions per image, duplicate captions and truncated
   * captions of one split.
   *
   * <ul>
   *   <li>{@code duplicate_captions_within_images}: captions equal to an earlier caption of the
   *       same image;
   *   <li>{@code duplicate_captions_across_images}: captions whose text also describes at least
   *       one other image;
   *   <li>{@code truncated_captions}: captions longer than {@code maxWords} words.
   * </ul>
   */
  static Map<String, String> ofCaptions(String split, CaptionTable table, int maxWords) {
    int minPerImage = Integer.MAX_VALUE;
    int maxPerImage = 0;
    int withinImages = 0;
    int truncated = 0;
    Map<String, Integer> firstImageOfText = new HashMap<>();
    Set<String> textsOfSeveralImages = new HashSet<>();
    String[] texts = new String[table.numCaptions()];

    for (int image = 0; image < table.numImages(); image++) {
      int[] captions = table.captionsOfImage(image);
      minPerImage = Math.min(minPerImage, captions.length);
      maxPerImage = Math.max(maxPerImage, captions.length);
      Set<String> seenInImage = new HashSet<>();
      for (int caption : captions) {
        NormalizedCaption normalized = CaptionNormalizer.normalize(table.caption(caption), maxWords);
        String text = normalized.text();
        texts[caption] = text;
        if (normalized.truncated()) {
          truncated++;
        }
        if (!seenInImage.add(text)) {
          withinImages++;
        }
        Integer firstImage = firstImageOfText.putIfAbsent(text, image);
        if (firstImage != null && firstImage != image) {
          textsOfSeveralImages.add(text);
        }
      }
    }
    int acrossImages = 0;
    for (String text : texts) {
      if (textsOfSeveralImages.contains(text)) {
        acrossImages++;
      }
    }

    Map<String, String> statistics = new LinkedHashMap<>();
    statistics.put(split + ".images", Integer.toString(table.numImages()));
    statistics.put(split + ".captions", Integer.toString(table.numCaptions()));
    statistics.put(split + ".captions_per_image_min", Integer.toString(table.numImages() == 0 ? 0 : minPerImage));
    statistics.put(split + ".captions_per_image_max", Integer.toString(maxPerImage));
    statistics.put(split + ".duplicate_captions_within_images", Integer.toString(withinImages));
    statistics.put(split + ".duplicate_captions_across_images", Integer.toString(acrossImages));
    statistics.put(split + ".truncated_captions", Integer.toString(truncated));
    return statistics;
  }

  /** Returns the smallest and largest image width and height; 0 for a split without images. */
  static Map<String, String> ofImageSizes(String split, int[] widths, int[] heights) {
    Map<String, String> statistics = new LinkedHashMap<>();
    statistics.put(split + ".image_width_min", Integer.toString(min(widths)));
    statistics.put(split + ".image_width_max", Integer.toString(max(widths)));
    statistics.put(split + ".image_height_min", Integer.toString(min(heights)));
    statistics.put(split + ".image_height_max", Integer.toString(max(heights)));
    return statistics;
  }

  private static int min(int[] values) {
    int min = Integer.MAX_VALUE;
    for (int value : values) {
      min = Math.min(min, value);
    }
    return values.length == 0 ? 0 : min;
  }

  private static int max(int[] values) {
    int max = 0;
    for (int value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
