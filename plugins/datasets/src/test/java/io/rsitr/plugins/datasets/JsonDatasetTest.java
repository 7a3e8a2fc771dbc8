package io.rsitr.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsitr.data.image.RgbImage;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.Dataset;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDatasetTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tempDir;

  private Path imageRoot;
  private Path trainFile;
  private Path valFile;
  private Path testFile;

  @BeforeEach
  void writeValAndTestSplits() throws IOException {
    imageRoot = Files.createDirectories(tempDir.resolve("images"));
    trainFile = tempDir.resolve("train.json");
    valFile = tempDir.resolve("val.json");
    testFile = tempDir.resolve("test.json");
    writeImage("val_0.png", 16, 16, "png", 10);
    writeImage("test_0.png", 16, 16, "png", 20);
    writeAnnotations(valFile, List.of(row("val_0.png", "a small image")));
    writeAnnotations(testFile, List.of(row("test_0.png", "another small image")));
  }

  @Test
  void loadsSplitsWithSixCaptionsPerImage() throws IOException {
    RgbImage first = writeImage("a.png", 20, 10, "png", 1);
    writeImage("sub/b.png", 30, 12, "png", 2);
    Map<String, Object> labelled = row("a.png", "one", "two", "three", "four", "five", "six");
    labelled.put("label", 3);
    labelled.put("label_name", "airport");
    writeAnnotations(trainFile, List.of(labelled, row("sub/b.png", "1", "2", "3", "4", "5", "6")));

    Dataset dataset = load(OnMissing.ERROR, 77);
    DataSplit train = dataset.train();

    assertThat(train.numImages()).isEqualTo(2);
    assertThat(train.numCaptions()).isEqualTo(12);
    assertThat(train.captionsOfImage(1)).containsExactly(6, 7, 8, 9, 10, 11);
    assertThat(train.imageOfCaption(5)).isEqualTo(0);
    assertThat(train.caption(2)).isEqualTo("three");
    assertThat(train.imageId(1)).isEqualTo("sub/b.png");
    assertThat(train.loadImage(0)).isEqualTo(first);
    assertThat(dataset.val().numImages()).isEqualTo(1);
    assertThat(dataset.test().caption(0)).isEqualTo("another small image");
    assertThat(dataset.statistics())
        .containsEntry("train.images", "2")
        .containsEntry("train.captions", "12")
        .containsEntry("train.captions_per_image_min", "6")
        .containsEntry("train.captions_per_image_max", "6")
        .containsEntry("train.image_width_min", "20")
        .containsEntry("train.image_width_max", "30")
        .containsEntry("train.image_height_min", "10")
        .containsEntry("train.image_height_max", "12")
        .containsEntry("train.skipped_images", "0")
        .containsEntry("val.images", "1");
  }

  @Test
  void missingAndUndecodableImagesReportedTogether() throws IOException {
    writeImage("good.png", 8, 8, "png", 3);
    Files.write(imageRoot.resolve("broken.jpg"), "this is not a JPEG".getBytes(StandardCharsets.UTF_8));
    writeAnnotations(trainFile, List.of(
        row("good.png", "a good image"), row("missing.jpg", "an absent image"), row("broken.jpg", "noise")));

    DatasetValidationException error =
        catchThrowableOfType(() -> load(OnMissing.ERROR, 77), DatasetValidationException.class);

    assertThat(error).as("error for a missing and an undecodable image").isNotNull();
    assertThat(error.problems()).hasSize(2);
    assertThat(error.problems().get(0)).contains("train.json row 1", "missing.jpg", "not found");
    assertThat(error.problems().get(1)).contains("train.json row 2", "broken.jpg");
    assertThat(error.getMessage()).contains("2 of 5 images", "on_missing: skip");
  }

  @Test
  void onMissingSkipDropsUnusableImages() throws IOException {
    writeImage("good.png", 8, 8, "png", 3);
    Files.write(imageRoot.resolve("broken.jpg"), new byte[] {1, 2, 3});
    writeAnnotations(trainFile, List.of(
        row("missing.jpg", "an absent image"), row("good.png", "a good image", "still good"),
        row("broken.jpg", "noise")));

    Dataset dataset = load(OnMissing.SKIP, 77);

    assertThat(dataset.train().numImages()).isEqualTo(1);
    assertThat(dataset.train().imageId(0)).isEqualTo("good.png");
    assertThat(dataset.train().numCaptions()).isEqualTo(2);
    assertThat(dataset.train().caption(1)).isEqualTo("still good");
    assertThat(dataset.statistics()).containsEntry("train.skipped_images", "2");
    assertThat(dataset.statistics()).containsEntry("train.images", "1");
  }

  @Test
  void onMissingSkipRejectsSplitWithoutImages() throws IOException {
    writeAnnotations(trainFile, List.of(row("missing.jpg", "an absent image")));

    assertThatThrownBy(() -> load(OnMissing.SKIP, 77))
        .isInstanceOf(DatasetValidationException.class)
        .hasMessageContaining("split 'train' has no usable images");
  }

  @Test
  void namesOutsideImageRootRejected() throws IOException {
    Files.write(tempDir.resolve("outside.jpg"), new byte[] {1});
    Path absolute = writeImagePath(tempDir.resolve("absolute.png"));
    writeAnnotations(trainFile, List.of(
        row("../outside.jpg", "escapes upwards"), row("sub/../../outside.jpg", "escapes through a folder"),
        row(absolute.toString(), "absolute path")));

    DatasetValidationException error =
        catchThrowableOfType(() -> load(OnMissing.ERROR, 77), DatasetValidationException.class);

    assertThat(error).as("error for names outside the image root").isNotNull();
    assertThat(error.problems()).hasSize(3);
    assertThat(error.problems().get(0)).contains("row 0", "'../outside.jpg'", "outside image_root");
    assertThat(error.problems().get(1)).contains("row 1", "outside image_root");
    assertThat(error.problems().get(2)).contains("row 2", "absolute path");
  }

  @Test
  void duplicatedFilenameNamesBothRows() throws IOException {
    writeImage("a.png", 8, 8, "png", 1);
    writeImage("b.png", 8, 8, "png", 2);
    writeAnnotations(trainFile, List.of(row("a.png", "first"), row("b.png", "second"), row("a.png", "again")));

    assertThatThrownBy(() -> load(OnMissing.ERROR, 77))
        .isInstanceOf(DatasetValidationException.class)
        .hasMessageContaining(trainFile.toString())
        .hasMessageContaining("rows 0 and 2 both list filename 'a.png'");
  }

  @Test
  void emptyCaptionNamedWithFileAndIndex() throws IOException {
    writeImage("a.png", 8, 8, "png", 1);
    writeImage("b.png", 8, 8, "png", 2);
    writeAnnotations(trainFile, List.of(row("a.png", "fine"), row("b.png", "fine too", "also fine", " ... !? ")));

    assertThatThrownBy(() -> load(OnMissing.ERROR, 77))
        .isInstanceOf(DatasetValidationException.class)
        .hasMessageContaining(trainFile.toString())
        .hasMessageContaining("row 1 caption 2")
        .hasMessageContaining("empty after normalisation");
  }

  @Test
  void onEmptyCaptionSkipDropsCaption() throws IOException {
    writeImage("a.png", 8, 8, "png", 1);
    writeAnnotations(trainFile, List.of(row("a.png", "first", " .", "third")));

    Dataset dataset = load(OnMissing.ERROR, OnEmptyCaption.SKIP, 77);

    assertThat(dataset.train().numCaptions()).isEqualTo(2);
    assertThat(dataset.train().caption(1)).isEqualTo("third");
    assertThat(dataset.statistics()).containsEntry("train.dropped_empty_captions", "1");
    assertThat(dataset.statistics()).containsEntry("train.captions_per_image_min", "2");
  }

  @Test
  void onEmptyCaptionSkipRejectsImageWithoutCaptions() throws IOException {
    writeImage("a.png", 8, 8, "png", 1);
    writeAnnotations(trainFile, List.of(row("a.png", " .", "!")));

    assertThatThrownBy(() -> load(OnMissing.ERROR, OnEmptyCaption.SKIP, 77))
        .isInstanceOf(DatasetValidationException.class)
        .hasMessageContaining("row 0 has no caption left after dropping the empty ones");
  }

  @Test
  void longCaptionTruncatedAndCounted() throws IOException {
    writeImage("a.png", 8, 8, "png", 1);
    String longCaption = String.join(" ", Collections.nCopies(120, "word"));
    writeAnnotations(trainFile, List.of(row("a.png", "short caption", longCaption)));

    Dataset dataset = load(OnMissing.ERROR, 77);

    assertThat(dataset.statistics()).containsEntry("train.truncated_captions", "1");
    assertThat(dataset.statistics()).containsEntry("val.truncated_captions", "0");
    assertThat(dataset.train().caption(1)).as("caption as written in the file").isEqualTo(longCaption);
  }

  @Test
  void duplicateCaptionsCountedWithinAndAcrossImages() throws IOException {
    writeImage("a.png", 8, 8, "png", 1);
    writeImage("b.png", 8, 8, "png", 2);
    writeAnnotations(trainFile, List.of(
        row("a.png", "a red roof", "A red roof .", "many trees"), row("b.png", "many trees", "a river")));

    Map<String, String> statistics = load(OnMissing.ERROR, 77).statistics();

    assertThat(statistics).containsEntry("train.duplicate_captions_within_images", "1");
    assertThat(statistics).containsEntry("train.duplicate_captions_across_images", "2");
  }

  @Test
  void malformedJsonNamesFileAndPosition() throws IOException {
    Files.writeString(trainFile, "[{\"filename\": \"a.png\", \"captions\": [\"x\"]},\n{\"filename\": ");

    assertThatThrownBy(() -> load(OnMissing.ERROR, 77))
        .isInstanceOf(DatasetValidationException.class)
        .hasMessageContaining(trainFile.toString())
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void rowsWithoutFilenameOrCaptionsListed() throws IOException {
    Map<String, Object> noCaptions = new LinkedHashMap<>();
    noCaptions.put("filename", "a.png");
    Map<String, Object> noFilename = new LinkedHashMap<>();
    noFilename.put("captions", List.of("a caption"));
    writeAnnotations(trainFile, List.of(noCaptions, noFilename));

    DatasetValidationException error =
        catchThrowableOfType(() -> load(OnMissing.ERROR, 77), DatasetValidationException.class);

    assertThat(error).as("error for rows with missing keys").isNotNull();
    assertThat(error.getMessage()).contains(trainFile.toString());
    assertThat(error.problems()).containsExactly(
        "row 0 has no \"captions\" list", "row 1 has no \"filename\" string");
  }

  @Test
  void missingAnnotationFileNamed() {
    assertThatThrownBy(() -> load(OnMissing.ERROR, 77))
        .isInstanceOf(DatasetValidationException.class)
        .hasMessageContaining("annotation file " + trainFile + " was not found");
  }

  @Test
  void emptyPathParametersListedTogether() {
    JsonDatasetFactory factory = new JsonDatasetFactory();
    var parameters = TestParameters.of(factory, Map.of("train_file", trainFile.toString()));

    DatasetValidationException error =
        catchThrowableOfType(() -> factory.create(parameters), DatasetValidationException.class);

    assertThat(error).as("error for empty path parameters").isNotNull();
    assertThat(error.problems()).containsExactly(
        "dataset.image_root is empty", "dataset.val_file is empty", "dataset.test_file is empty");
  }

  @Test
  void factoryReadsYamlParameters() throws IOException {
    writeImage("a.jpg", 24, 24, "jpg", 5);
    writeAnnotations(trainFile, List.of(row("a.jpg", "a jpeg image")));
    JsonDatasetFactory factory = new JsonDatasetFactory();
    var parameters = TestParameters.of(factory, Map.of(
        "image_root", imageRoot.toString(), "train_file", trainFile.toString(), "val_file", valFile.toString(),
        "test_file", testFile.toString(), "on_missing", "skip", "max_words", 3));

    Dataset dataset = factory.create(parameters);

    assertThat(dataset.train().loadImage(0).width()).isEqualTo(24);
    assertThat(dataset.statistics()).containsEntry("train.truncated_captions", "0");
    assertThat(dataset.statistics()).containsEntry("val.truncated_captions", "0");
    assertThat(dataset.statistics()).containsEntry("test.truncated_captions", "0");
  }

  @Test
  void parallelLoadsEqualSequentialLoads() throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      writeImage("img_" + i + ".png", 12, 12, "png", 100 + i);
      rows.add(row("img_" + i + ".png", "image " + i));
    }
    writeAnnotations(trainFile, rows);
    DataSplit train = load(OnMissing.ERROR, 77).train();
    List<RgbImage> sequential = IntStream.range(0, 24).mapToObj(train::loadImage).toList();

    List<RgbImage> parallel = IntStream.range(0, 24).parallel().mapToObj(train::loadImage).toList();

    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void moduleRegistersBothDatasets() {
    PluginRegistry registry = PluginRegistry.fromModules(List.of(new DatasetsPluginModule()));

    assertThat(registry.factories(PluginKind.DATASET).keySet()).containsExactly("rsitr-json", "synthetic");
  }

  private Dataset load(OnMissing onMissing, int maxWords) {
    return load(onMissing, OnEmptyCaption.ERROR, maxWords);
  }

  private Dataset load(OnMissing onMissing, OnEmptyCaption onEmptyCaption, int maxWords) {
    return new JsonDatasetFactory().create(
        new JsonDatasetSettings(imageRoot, trainFile, valFile, testFile, onMissing, onEmptyCaption, maxWords));
  }

  private static Map<String, Object> row(String filename, String... captions) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("filename", filename);
    row.put("captions", List.of(captions));
    return row;
  }

  private static void writeAnnotations(Path file, List<Map<String, Object>> rows) throws IOException {
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
  }

  private Path writeImagePath(Path file) throws IOException {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Writes an image with a seeded pattern and returns its pixels as a lossless format stores them. */
  private RgbImage writeImage(String name, int width, int height, String format, int seed) throws IOException {
    Path file = imageRoot.resolve(name);
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int red = (x * 13 + seed * 7) & 0xFF;
        int green = (y * 29 + seed * 3) & 0xFF;
        int blue = (x * y + seed) & 0xFF;
        image.setRGB(x, y, (red << 16) | (green << 8) | blue);
        int offset = (y * width + x) * 3;
        rgb[offset] = (byte) red;
        rgb[offset + 1] = (byte) green;
        rgb[offset + 2] = (byte) blue;
      }
    }
    assertThat(ImageIO.write(image, format, file.toFile())).as("ImageIO writes %s", format).isTrue();
    return new RgbImage(width, height, rgb);
  }
}
