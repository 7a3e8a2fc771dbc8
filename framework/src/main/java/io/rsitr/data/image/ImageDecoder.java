package io.rsitr.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes JPEG, PNG and TIFF files to {@link RgbImage} with the readers built into Java's ImageIO.
 *
 * <p>Thread-safe: every call creates and disposes its own {@link ImageReader}. Files are read
 * through a {@link FileImageInputStream}, which seeks in the file itself, so ImageIO never
 * copies the stream into a temporary cache file. See {@link RasterConverter} for the pixel
 * layouts that are accepted.
 */
public final class ImageDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

  private ImageDecoder() {}

  /**
   * Reads the first image in {@code file} and converts it to 8-bit RGB.
   *
   * @throws ImageDecodeException when the file is missing, empty, not a JPEG, PNG or TIFF image,
   *     corrupt, or has an unsupported pixel layout. The message names the file.
   */
  public static RgbImage decode(Path file) {
    checkReadableFile(file);
    try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
      ImageReader reader = findReader(input, file);
      try {
        reader.setInput(input, true, true);
        reader.addIIOReadWarningListener(
            (source, warning) -> LOG.warn("ImageIO warning while decoding {}: {}", file, warning));
        BufferedImage image = reader.read(0);
        return RasterConverter.toRgb(image, file);
      } finally {
        reader.dispose();
      }
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Corrupt files surface as IIOException but also as unchecked exceptions from the codecs
      // (for example IndexOutOfBoundsException from a truncated TIFF strip).
      throw new ImageDecodeException(
          "failed to decode image " + file + ": " + e.getMessage()
              + "; the file is corrupt or truncated", e);
    }
  }

  private static void checkReadableFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ImageDecodeException("image file " + file + " was not found");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ImageDecodeException("failed to read the size of image file " + file, e);
    }
    if (size == 0) {
      throw new ImageDecodeException("image file " + file + " is empty (0 bytes)");
    }
  }

  private static ImageReader findReader(ImageInputStream input, Path file) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    if (!readers.hasNext()) {
      throw new ImageDecodeException(
          "image file " + file + " is not a JPEG, PNG or TIFF image: no ImageIO reader"
              + " recognises its first bytes; the file is corrupt or in another format");
    }
    return readers.next();
  }
}
