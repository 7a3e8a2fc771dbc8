package io.rsitr.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsitr.data.image.RgbImage;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {

  private static final Set<String> COLOR_WORDS =
      Arrays.stream(ShapeColor.values()).map(ShapeColor::word).collect(Collectors.toSet());
  private static final Set<String> SHAPE_WORDS =
      Arrays.stream(ShapeKind.values()).map(ShapeKind::word).collect(Collectors.toSet());

  private final SyntheticDatasetFactory factory = new SyntheticDatasetFactory();

  private Dataset create(Map<String, Object> overrides) {
    return factory.create(TestParameters.of(factory, overrides));
  }

  @Test
  void defaultsGiveDocumentedSplitSizes() {
    Dataset dataset = create(Map.of());

    assertThat(dataset.train().numImages()).isEqualTo(512);
    assertThat(dataset.val().numImages()).isEqualTo(128);
    assertThat(dataset.test().numImages()).isEqualTo(128);
    assertThat(dataset.train().numCaptions()).isEqualTo(512 * 5);
    assertThat(dataset.train().loadImage(0).width()).isEqualTo(64);
  }

  @Test
  void splitSizesAndCaptionsFollowParameters() {
    Dataset dataset = create(Map.of(
        "train_images", 20, "val_images", 7, "test_images", 3, "captions_per_image", 4));

    assertThat(dataset.train().numImages()).isEqualTo(20);
    assertThat(dataset.val().numImages()).isEqualTo(7);
    assertThat(dataset.test().numImages()).isEqualTo(3);
    assertThat(dataset.train().numCaptions()).isEqualTo(80);
    assertThat(dataset.val().numCaptions()).isEqualTo(28);
    assertThat(dataset.test().numCaptions()).isEqualTo(12);
    assertThat(dataset.train().name()).isEqualTo("train");
    assertThat(dataset.val().name()).isEqualTo("val");
    assertThat(dataset.test().name()).isEqualTo("test");
  }

  @Test
  void captionIndicesPointBothWays() {
    DataSplit split = create(Map.of("train_images", 10, "captions_per_image", 3)).train();

    for (int image = 0; image < split.numImages(); image++) {
      int[] captions = split.captionsOfImage(image);
      assertThat(captions).as("captions of image %d", image).hasSize(3);
      for (int caption : captions) {
        assertThat(split.imageOfCaption(caption)).as("image of caption %d", caption).isEqualTo(image);
      }
    }
  }

  @Test
  void captionsOfOneImageAreDistinct() {
    DataSplit split = create(Map.of("train_images", 200, "captions_per_image", 10)).train();

    for (int image = 0; image < split.numImages(); image++) {
      Set<String> texts = new HashSet<>();
      for (int caption : split.captionsOfImage(image)) {
        texts.add(split.caption(caption));
      }
      assertThat(texts).as("distinct captions of image %d", image).hasSize(10);
    }
  }

  @Test
  void sameSeedGivesSamePixelsAndCaptions() {
    Dataset first = create(Map.of("train_images", 30, "seed", 11));
    Dataset second = create(Map.of("train_images", 30, "seed", 11));

    for (int image = 0; image < 30; image++) {
      assertThat(second.train().loadImage(image)).as("pixels of image %d", image)
          .isEqualTo(first.train().loadImage(image));
    }
    assertThat(captions(second.train())).isEqualTo(captions(first.train()));
  }

  @Test
  void differentSeedChangesPixelsAndCaptions() {
    Dataset first = create(Map.of("train_images", 30, "seed", 11));
    Dataset second = create(Map.of("train_images", 30, "seed", 12));

    long differentImages = IntStream.range(0, 30)
        .filter(i -> !first.train().loadImage(i).equals(second.train().loadImage(i)))
        .count();
    assertThat(differentImages).isEqualTo(30);
    assertThat(captions(second.train())).isNotEqualTo(captions(first.train()));
  }

  @Test
  void splitsShareNoImage() {
    Dataset dataset = create(Map.of("train_images", 100, "val_images", 100, "test_images", 100));

    Set<RgbImage> train = new HashSet<>(images(dataset.train()));
    Set<RgbImage> val = new HashSet<>(images(dataset.val()));
    Set<RgbImage> test = new HashSet<>(images(dataset.test()));

    assertThat(train).hasSize(100);
    assertThat(train).doesNotContainAnyElementsOf(val);
    assertThat(train).doesNotContainAnyElementsOf(test);
    assertThat(val).doesNotContainAnyElementsOf(test);
  }

  @Test
  void everyCaptionNamesMainColorAndShape() {
    SyntheticSplit split = (SyntheticSplit) create(Map.of("train_images", 300)).train();

    for (int image = 0; image < split.numImages(); image++) {
      SceneShape main = split.scene(image).mainShape();
      for (int caption : split.captionsOfImage(image)) {
        List<String> words = List.of(split.caption(caption).split("[ :]+"));
        assertThat(words).as("caption '%s' of image %d", split.caption(caption), image)
            .contains(main.color().word(), main.kind().word());
      }
    }
  }

  @Test
  void captionsNameOnlyDrawnColorsAndShapes() {
    SyntheticSplit split = (SyntheticSplit) create(Map.of("train_images", 300, "max_shapes", 4)).train();

    for (int image = 0; image < split.numImages(); image++) {
      SyntheticScene scene = split.scene(image);
      Set<String> drawnColors = new HashSet<>();
      Set<String> drawnShapes = new HashSet<>();
      for (SceneShape shape : scene.shapes()) {
        drawnColors.add(shape.color().word());
        drawnShapes.add(shape.kind().word());
      }
      for (int caption : split.captionsOfImage(image)) {
        for (String word : split.caption(caption).split("[ :]+")) {
          if (COLOR_WORDS.contains(word)) {
            assertThat(drawnColors).as("colour in '%s'", split.caption(caption)).contains(word);
          }
          if (SHAPE_WORDS.contains(word)) {
            assertThat(drawnShapes).as("shape in '%s'", split.caption(caption)).contains(word);
          }
        }
      }
    }
  }

  @Test
  void relationCaptionsMatchGridCells() {
    GridCell topLeft = new GridCell(0, 0);
    GridCell bottomRight = new GridCell(2, 2);
    GridCell topRight = new GridCell(0, 2);

    assertThat(SceneCaptioner.relations(topLeft, bottomRight)).containsExactly("left of", "above");
    assertThat(SceneCaptioner.relations(bottomRight, topLeft)).containsExactly("right of", "below");
    assertThat(SceneCaptioner.relations(topRight, bottomRight)).containsExactly("above");
  }

  @Test
  void everySceneOffersMaximumCaptionCount() {
    for (int maxShapes = 1; maxShapes <= SceneGenerator.MAX_SHAPES_LIMIT; maxShapes++) {
      SceneGenerator generator = new SceneGenerator(3, maxShapes);
      for (int image = 0; image < 500; image++) {
        SyntheticScene scene = generator.generate(0, image);
        assertThat(SceneCaptioner.candidates(scene)).as("captions of %s", scene)
            .hasSizeGreaterThanOrEqualTo(SceneCaptioner.MAX_CAPTIONS_PER_IMAGE);
      }
    }
  }

  @Test
  void scenesKeepShapesApartAndColorsDistinct() {
    SceneGenerator generator = new SceneGenerator(5, 4);

    for (int image = 0; image < 500; image++) {
      SyntheticScene scene = generator.generate(1, image);
      List<SceneShape> shapes = scene.shapes();
      assertThat(shapes).hasSizeBetween(1, 4);
      assertThat(shapes.stream().map(SceneShape::cell).distinct().count()).isEqualTo(shapes.size());
      assertThat(shapes.stream().map(SceneShape::color).distinct().count()).isEqualTo(shapes.size());
      assertThat(shapes.stream().map(SceneShape::color).allMatch(scene.ground()::contrastsWith)).isTrue();
      assertThat(scene.mainShape().large()).isTrue();
      assertThat(scene.otherShapes()).noneMatch(SceneShape::large);
    }
  }

  @Test
  void shapeCentrePixelHasShapeColor() {
    SyntheticSplit split = (SyntheticSplit) create(Map.of("train_images", 100, "max_shapes", 4)).train();

    for (int image = 0; image < split.numImages(); image++) {
      RgbImage pixels = split.loadImage(image);
      for (SceneShape shape : split.scene(image).shapes()) {
        double[] centre = SceneRenderer.centreOf(shape, pixels.width());
        int x = (int) centre[0];
        int y = (int) centre[1];
        for (int c = 0; c < RgbImage.CHANNELS; c++) {
          assertThat(pixels.get(x, y, c)).as("channel %d at the centre of %s in image %d", c, shape, image)
              .isBetween(shape.color().channel(c) - 4, shape.color().channel(c) + 4);
        }
      }
    }
  }

  @Test
  void imagesHaveConfiguredSize() {
    DataSplit split = create(Map.of("test_images", 5, "image_size", 48)).test();

    for (int image = 0; image < split.numImages(); image++) {
      RgbImage pixels = split.loadImage(image);
      assertThat(pixels.width()).isEqualTo(48);
      assertThat(pixels.height()).isEqualTo(48);
      assertThat(pixels.rgb()).hasSize(48 * 48 * 3);
    }
  }

  @Test
  void parallelLoadsEqualSequentialLoads() {
    DataSplit split = create(Map.of("train_images", 256)).train();
    List<RgbImage> sequential = images(split);

    for (int round = 0; round < 3; round++) {
      List<RgbImage> parallel = IntStream.range(0, split.numImages()).parallel()
          .mapToObj(split::loadImage).toList();
      assertThat(parallel).as("parallel round %d", round).isEqualTo(sequential);
    }
  }

  @Test
  void renderingIsCheap() {
    DataSplit split = create(Map.of("train_images", 512)).train();
    images(split);

    long start = System.nanoTime();
    for (int round = 0; round < 4; round++) {
      images(split);
    }
    double millisPerImage = (System.nanoTime() - start) / 1e6 / (4 * 512);

    // A loose ceiling, so a busy build machine does not fail the test.
    assertThat(millisPerImage).as("milliseconds per 64x64 image").isLessThan(2.0);
  }

  @Test
  void imageIdNamesSplitAndIndex() {
    Dataset dataset = create(Map.of("train_images", 20));

    assertThat(dataset.train().imageId(17)).isEqualTo("synthetic/train/17");
    assertThat(dataset.test().imageId(0)).isEqualTo("synthetic/test/0");
  }

  @Test
  void statisticsCountImagesAndCaptions() {
    Map<String, String> statistics =
        create(Map.of("train_images", 40, "val_images", 8, "test_images", 9)).statistics();

    assertThat(statistics).containsEntry("train.images", "40");
    assertThat(statistics).containsEntry("train.captions", "200");
    assertThat(statistics).containsEntry("val.images", "8");
    assertThat(statistics).containsEntry("test.captions", "45");
    assertThat(statistics).containsEntry("train.captions_per_image_min", "5");
    assertThat(statistics).containsEntry("train.captions_per_image_max", "5");
    assertThat(statistics).containsEntry("train.duplicate_captions_within_images", "0");
    assertThat(statistics).containsEntry("train.truncated_captions", "0");
  }

  private static List<String> captions(DataSplit split) {
    List<String> captions = new ArrayList<>();
    for (int caption = 0; caption < split.numCaptions(); caption++) {
      captions.add(split.caption(caption));
    }
    return captions;
  }

  private static List<RgbImage> images(DataSplit split) {
    List<RgbImage> images = new ArrayList<>();
    for (int image = 0; image < split.numImages(); image++) {
      images.add(split.loadImage(image));
    }
    return images;
  }
}
