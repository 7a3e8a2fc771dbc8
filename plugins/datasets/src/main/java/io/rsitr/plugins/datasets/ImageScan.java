package io.rsitr.plugins.datasets;

import io.rsitr.data.image.ImageDecodeException;
import io.rsitr.data.image.ImageDecoder;
import io.rsitr.data.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decodes every image of a dataset once before training, so that a missing or corrupt file fails
 * the run at the start instead of hours into it.
 */
final class ImageScan {

  /**
   * The outcome for one image: its size, or why it cannot be used.
   *
   * @param problem {@code null} when the image decoded; otherwise the decoder's message, which
   *     names the file
   */
  record Result(int width, int height, String problem) {

    boolean usable() {
      return problem == null;
    }
  }

  private ImageScan() {}

  /**
   * Decodes the images on the common fork-join pool and returns one result per image, in order.
   * Decoding keeps no pixels, so memory stays at a few images per thread.
   */
  static List<Result> scan(List<Path> images) {
    return IntStream.range(0, images.size())
        .parallel()
        .mapToObj(i -> decode(images.get(i)))
        .toList();
  }

  private static Result decode(Path image) {
    try {
      RgbImage pixels = ImageDecoder.decode(image);
      return new Result(pixels.width(), pixels.height(), null);
    } catch (ImageDecodeException e) {
      return new Result(0, 0, e.getMessage());
    }
  }
}
