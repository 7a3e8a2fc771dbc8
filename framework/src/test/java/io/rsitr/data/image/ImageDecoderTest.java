package io.rsitr.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsitr.testing.SharedFiles;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests {@link ImageDecoder} on PNG and JPEG files and on the {@link RgbImage} record. */
class ImageDecoderTest {

  @TempDir
  Path folder;

  @Test
  void decodesRgbPng() throws IOException {
    Path file = folder.resolve("rgb.png");
    ImageIO.write(TiffDecodingTest.patternImage(21, 13, BufferedImage.TYPE_3BYTE_BGR), "png",
        file.toFile());

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded).isEqualTo(TiffDecodingTest.expectedPattern(21, 13));
  }

  @Test
  void decodesPalettePngThroughPalette() throws IOException {
    byte[] reds = {(byte) 255, 0, 12};
    byte[] greens = {0, (byte) 255, 34};
    byte[] blues = {0, 0, 56};
    IndexColorModel palette = new IndexColorModel(2, 3, reds, greens, blues);
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED, palette);
    image.getRaster().setSample(0, 0, 0, 0);
    image.getRaster().setSample(1, 0, 0, 1);
    image.getRaster().setSample(2, 1, 0, 2);
    Path file = folder.resolve("palette.png");
    ImageIO.write(image, "png", file.toFile());

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(TiffDecodingTest.rgbAt(decoded, 0, 0)).containsExactly(255, 0, 0);
    assertThat(TiffDecodingTest.rgbAt(decoded, 1, 0)).containsExactly(0, 255, 0);
    assertThat(TiffDecodingTest.rgbAt(decoded, 2, 1)).containsExactly(12, 34, 56);
  }

  @Test
  void copiesGrayscaleToAllChannels() throws IOException {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(3, 2, 0, 77);
    Path file = folder.resolve("gray.png");
    ImageIO.write(image, "png", file.toFile());

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(TiffDecodingTest.rgbAt(decoded, 3, 2)).containsExactly(77, 77, 77);
    assertThat(TiffDecodingTest.rgbAt(decoded, 0, 0)).containsExactly(0, 0, 0);
  }

  @Test
  void decodesRsicdJpeg() {
    Path file = SharedFiles.require("data/rsicd/rsicd_images/00004.jpg");

    RgbImage decoded = ImageDecoder.decode(file);

    assertThat(decoded.width()).isEqualTo(224);
    assertThat(decoded.height()).isEqualTo(224);
  }

  @Test
  void parallelDecodingGivesSameImages() throws IOException {
    Path file = folder.resolve("pattern.png");
    ImageIO.write(TiffDecodingTest.patternImage(64, 48, BufferedImage.TYPE_3BYTE_BGR), "png",
        file.toFile());
    RgbImage expected = TiffDecodingTest.expectedPattern(64, 48);

    List<RgbImage> decoded = IntStream.range(0, 32).parallel()
        .mapToObj(i -> ImageDecoder.decode(file))
        .toList();

    assertThat(decoded).hasSize(32).allSatisfy(image -> assertThat(image).isEqualTo(expected));
  }

  @Test
  void rejectsMissingFileNamingIt() {
    Path file = folder.resolve("absent.jpg");

    assertThatThrownBy(() -> ImageDecoder.decode(file))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void recordRejectsWrongSampleCount() {
    assertThatThrownBy(() -> new RgbImage(2, 2, new byte[11]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12 entries")
        .hasMessageContaining("got 11");
  }

  @Test
  void recordReadsUnsignedSamples() {
    RgbImage image = new RgbImage(1, 2, new byte[] {1, 2, 3, (byte) 200, (byte) 255, 0});

    assertThat(image.get(0, 1, 0)).isEqualTo(200);
    assertThat(image.get(0, 1, 1)).isEqualTo(255);
    assertThat(image.get(0, 0, 2)).isEqualTo(3);
    assertThatThrownBy(() -> image.get(1, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
