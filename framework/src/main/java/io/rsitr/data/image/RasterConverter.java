package io.rsitr.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.nio.file.Path;

/**
 * Converts a decoded {@link BufferedImage} to 8-bit RGB by reading its raster, which also works
 * for the {@code TYPE_CUSTOM} images that ImageIO returns for many TIFF files.
 *
 * <p>Accepted layouts are palette images, 1 band (grayscale, copied to all three channels),
 * 3 bands (RGB) and 4 bands (RGB plus alpha or an extra band, which is dropped). Samples must be
 * unsigned integers of 8 or 16 bits, and 16-bit samples become
 * {@code round(value * 255 / 65535)}.
 */
final class RasterConverter {

  private static final String SUPPORTED =
      "supported are palette images and 1 (grayscale), 3 (RGB) or 4 (RGB plus alpha or an extra"
          + " band) bands of 8- or 16-bit unsigned integer samples";

  private RasterConverter() {}

  static RgbImage toRgb(BufferedImage image, Path file) {
    if (image.getColorModel() instanceof IndexColorModel) {
      return fromPackedArgb(image);
    }

    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    int bitsPerSample = checkSampleFormat(raster.getSampleModel(), file);
    if (bands != 1 && bands != 3 && bands != 4) {
      throw unsupported(file, bands + " bands of " + bitsPerSample + "-bit samples");
    }
    checkRgbColorSpace(image.getColorModel(), bands, file);
    // NOTE: a 4-band image with premultiplied (associated) alpha keeps its premultiplied colour
    // values, because the alpha band is dropped without dividing the colours by it.

    if (bitsPerSample == 16) {
      return fromSamples(raster, bands, RasterConverter::sixteenToEightBits);
    }
    return fromSamples(raster, bands, value -> value);
  }

  /**
   * Returns the bit depth shared by all bands.
   *
   * @throws ImageDecodeException for floating-point or signed samples, for bands of different
   *     depths and for depths other than 8 or 16
   */
  private static int checkSampleFormat(SampleModel sampleModel, Path file) {
    int bands = sampleModel.getNumBands();
    int bitsPerSample = sampleModel.getSampleSize(0);
    for (int band = 1; band < bands; band++) {
      if (sampleModel.getSampleSize(band) != bitsPerSample) {
        throw unsupported(file, bands + " bands of different bit depths");
      }
    }
    String sampleKind = switch (sampleModel.getDataType()) {
      case DataBuffer.TYPE_FLOAT, DataBuffer.TYPE_DOUBLE -> "floating-point";
      case DataBuffer.TYPE_SHORT -> "signed integer";
      default -> null;
    };
    if (sampleKind != null) {
      throw unsupported(file, bands + " bands of " + bitsPerSample + "-bit " + sampleKind
          + " samples");
    }
    if (bitsPerSample != 8 && bitsPerSample != 16) {
      throw unsupported(file, bands + " bands of " + bitsPerSample + "-bit samples");
    }
    return bitsPerSample;
  }

  /** Rejects 3- and 4-band images whose colours are not RGB, such as CMYK or Lab. */
  private static void checkRgbColorSpace(ColorModel colorModel, int bands, Path file) {
    if (bands == 1 || colorModel == null) {
      return;
    }
    ColorSpace colorSpace = colorModel.getColorSpace();
    if (colorSpace.getType() != ColorSpace.TYPE_RGB) {
      throw unsupported(file, bands + " bands in a non-RGB colour space (java.awt.color.ColorSpace"
          + " type " + colorSpace.getType() + ", for example CMYK or Lab)");
    }
  }

  private static ImageDecodeException unsupported(Path file, String layout) {
    return new ImageDecodeException(
        "unsupported pixel layout in image " + file + ": " + layout + "; " + SUPPORTED);
  }

  /** Rounds a 16-bit sample to the nearest 8-bit value. */
  private static int sixteenToEightBits(int value) {
    return (value * 255 + 32767) / 65535;
  }

  private static RgbImage fromSamples(Raster raster, int bands, SampleMapping mapping) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    byte[] rgb = new byte[width * height * RgbImage.CHANNELS];
    int[] row = new int[width * bands];
    for (int y = 0; y < height; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
      int out = y * width * RgbImage.CHANNELS;
      for (int x = 0; x < width; x++) {
        int in = x * bands;
        if (bands == 1) {
          byte gray = (byte) mapping.toEightBits(row[in]);
          rgb[out++] = gray;
          rgb[out++] = gray;
          rgb[out++] = gray;
        } else {
          rgb[out++] = (byte) mapping.toEightBits(row[in]);
          rgb[out++] = (byte) mapping.toEightBits(row[in + 1]);
          rgb[out++] = (byte) mapping.toEightBits(row[in + 2]);
        }
      }
    }
    return new RgbImage(width, height, rgb);
  }

  /** Goes through {@link BufferedImage#getRGB}, which resolves palette indices to colours. */
  private static RgbImage fromPackedArgb(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] rgb = new byte[width * height * RgbImage.CHANNELS];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      int out = y * width * RgbImage.CHANNELS;
      for (int argb : row) {
        rgb[out++] = (byte) (argb >> 16);
        rgb[out++] = (byte) (argb >> 8);
        rgb[out++] = (byte) argb;
      }
    }
    return new RgbImage(width, height, rgb);
  }

  @FunctionalInterface
  private interface SampleMapping {
    int toEightBits(int sample);
  }
}
