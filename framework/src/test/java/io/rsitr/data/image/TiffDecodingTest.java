package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decodes TIFF files that the tests write with ImageIO's own TIFF writer. */
class TiffDecodingTest {

  @TempDir
  Path folder;

  @Test
  void decodesUncompressedRgb() throws IOException {
    BufferedImage source = patternImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
    Path file = writeTiff(
        source, "plain.tif", param -> param.setCompressionMode(ImageWriteParam.MODE_DISABLED));

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(40);
    assertThat(decoded.height()).isEqualTo(30);
    assertPatternPixels(decoded);
  }

  @Test
  void decodesLzwRgb() throws IOException {
    BufferedImage source = patternImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
    Path file = writeTiff(source, "lzw.tif", param -> {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("LZW");
    });

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(40);
    assertThat(decoded.height()).isEqualTo(30);
    assertPatternPixels(decoded);
  }

  @Test
  void decodesDeflateRgb() throws IOException {
    BufferedImage source = patternImage(33, 17, BufferedImage.TYPE_INT_RGB);
    Path file = writeTiff(source, "deflate.tif", param -> {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("Deflate");
    });

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(33);
    assertThat(decoded.height()).isEqualTo(17);
    assertPatternPixels(decoded);
  }

  @Test
  void dropsAlphaOfRgbaImage() throws IOException {
    BufferedImage source = new BufferedImage(8, 4, BufferedImage.TYPE_4BYTE_ABGR);
    WritableRaster raster = source.getRaster();
    raster.setPixel(0, 0, new int[] {200, 100, 50, 255});
    raster.setPixel(5, 2, new int[] {10, 20, 30, 0});
    raster.setPixel(7, 3, new int[] {255, 0, 128, 77});
    Path file = writeTiff(source, "rgba.tif", param -> {});

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(8);
    assertThat(decoded.height()).isEqualTo(4);
    assertThat(rgbAt(decoded, 0, 0)).containsExactly(200, 100, 50);
    assertThat(rgbAt(decoded, 5, 2)).as("colour of a fully transparent pixel").containsExactly(
        10, 20, 30);
    assertThat(rgbAt(decoded, 7, 3)).containsExactly(255, 0, 128);
    assertThat(rgbAt(decoded, 1, 1)).as("untouched pixel").containsExactly(0, 0, 0);
  }

  @Test
  void roundsSixteenBitSamplesToEightBits() throws IOException {
    ComponentColorModel colorModel = new ComponentColorModel(
        ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16}, false, false,
        Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster raster = colorModel.createCompatibleWritableRaster(5, 3);
    raster.setPixel(0, 0, new int[] {0, 65535, 257 * 100});
    // 32768 * 255 / 65535 = 127.5019..., so it rounds up to 128; 32639 gives 126.9999...
    raster.setPixel(4, 2, new int[] {32768, 32639, 128});
    raster.setPixel(2, 1, new int[] {129, 65407, 65408});
    BufferedImage source = new BufferedImage(colorModel, raster, false, null);
    assertThat(source.getType()).as("test input type").isEqualTo(BufferedImage.TYPE_CUSTOM);
    Path file = writeTiff(source, "rgb16.tif", param -> {});

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(5);
    assertThat(decoded.height()).isEqualTo(3);
    assertThat(rgbAt(decoded, 0, 0)).containsExactly(0, 255, 100);
    assertThat(rgbAt(decoded, 4, 2)).containsExactly(128, 127, 0);
    // 129 -> 0.50 rounds to 1; 65407 -> 254.50 rounds to 255 (254.5019...); 65408 -> 254.5058...
    assertThat(rgbAt(decoded, 2, 1)).containsExactly(1, 255, 255);
  }

  @Test
  void decodesTiledTiffWithPartialTiles() throws IOException {
    BufferedImage source = patternImage(256, 247, BufferedImage.TYPE_3BYTE_BGR);
    Path file = writeTiff(source, "tiled.tif", param -> {
      param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
      param.setTiling(64, 64, 0, 0);
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("LZW");
    });

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(256);
    assertThat(decoded.height()).isEqualTo(247);
    int[][] probes = {{0, 0}, {63, 63}, {64, 64}, {127, 200}, {255, 192}, {255, 246}, {10, 246}};
    for (int[] probe : probes) {
      int x = probe[0];
      int y = probe[1];
      assertThat(rgbAt(decoded, x, y)).as("pixel (%d, %d)", x, y).containsExactly(
          patternRed(x, y), patternGreen(x, y), patternBlue(x, y));
    }
    assertThat(decoded).isEqualTo(expectedPattern(256, 247));
  }

  @Test
  void rejectsTwoBandImageNamingBandCount() throws IOException {
    ComponentColorModel grayAlpha = new ComponentColorModel(
        ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false, Transparency.TRANSLUCENT,
        DataBuffer.TYPE_BYTE);
    BufferedImage source =
        new BufferedImage(grayAlpha, grayAlpha.createCompatibleWritableRaster(4, 4), false, null);
    Path file = writeTiff(source, "gray-alpha.tif", param -> {});

    assertThatThrownBy(() -> ImageDecoder.decode(file))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("2 bands of 8-bit samples")
        .hasMessageContaining("supported are");
  }

  @Test
  void rejectsFloatSamplesNamingBitDepth() throws IOException {
    ComponentColorModel floatRgb = new ComponentColorModel(
        ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
        DataBuffer.TYPE_FLOAT);
    BufferedImage source =
        new BufferedImage(floatRgb, floatRgb.createCompatibleWritableRaster(4, 4), false, null);
    Path file = writeTiff(source, "float.tif", param -> {});

    assertThatThrownBy(() -> ImageDecoder.decode(file))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("3 bands of 32-bit floating-point samples")
        .hasMessageContaining("supported are");
  }

  @Test
  void rejectsTruncatedTiffNamingFile() throws IOException {
    Path complete = writeTiff(patternImage(64, 64, BufferedImage.TYPE_3BYTE_BGR), "full.tif",
        param -> {});
    byte[] bytes = Files.readAllBytes(complete);
    Path truncated = folder.resolve("truncated.tif");
    // Keeps the header and the start of the pixel data but cuts off the directory at the end,
    // where ImageIO's writer puts it.
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> ImageDecoder.decode(truncated))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining(truncated.toString());
  }

  @Test
  void rejectsRandomBytesNamingFile() throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    Path file = folder.resolve("noise.tif");
    Files.write(file, noise);

    assertThatThrownBy(() -> ImageDecoder.decode(file))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is not a JPEG, PNG or TIFF image");
  }

  @Test
  void rejectsEmptyFileNamingFile() throws IOException {
    Path file = Files.createFile(folder.resolve("empty.tif"));

    assertThatThrownBy(() -> ImageDecoder.decode(file))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is empty");
  }

  static int patternRed(int x, int y) {
    return x & 0xFF;
  }

  static int patternGreen(int x, int y) {
    return y & 0xFF;
  }

  static int patternBlue(int x, int y) {
    return (x * 7 + y * 3) & 0xFF;
  }

  /** Builds an image whose pixel values encode their position, so misplaced tiles show up. */
  static BufferedImage patternImage(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int[] rgb = {patternRed(x, y), patternGreen(x, y), patternBlue(x, y)};
        if (type == BufferedImage.TYPE_INT_RGB) {
          image.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
        } else {
          raster.setPixel(x, y, rgb);
        }
      }
    }
    return image;
  }

  static RgbImage expectedPattern(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int offset = (y * width + x) * 3;
        rgb[offset] = (byte) patternRed(x, y);
        rgb[offset + 1] = (byte) patternGreen(x, y);
        rgb[offset + 2] = (byte) patternBlue(x, y);
      }
    }
    return new RgbImage(width, height, rgb);
  }

  private static void assertPatternPixels(RgbImage decoded) {
    int[][] probes = {{0, 0}, {1, 0}, {0, 1}, {decoded.width() - 1, decoded.height() - 1},
        {decoded.width() / 2, decoded.height() / 3}};
    for (int[] probe : probes) {
      int x = probe[0];
      int y = probe[1];
      assertThat(rgbAt(decoded, x, y)).as("pixel (%d, %d)", x, y).containsExactly(
          patternRed(x, y), patternGreen(x, y), patternBlue(x, y));
    }
    assertThat(decoded).isEqualTo(expectedPattern(decoded.width(), decoded.height()));
  }

  static int[] rgbAt(RgbImage image, int x, int y) {
    return new int[] {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)};
  }

  private Path writeTiff(BufferedImage image, String name, Consumer<ImageWriteParam> configure)
      throws IOException {
    Path file = folder.resolve(name);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      configure.accept(param);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return file;
  }
}
