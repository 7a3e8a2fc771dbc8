package io.rsitr.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rsitr.plugin.Dataset;
import io.rsitr.testing.SharedFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loads the public RSICD, RSITMD and UCM-captions annotations; skipped without the shared data. */
class SharedDataTest {

  private static JsonDatasetSettings rsicdMini(OnEmptyCaption onEmptyCaption) {
    return new JsonDatasetSettings(SharedFiles.require("data/rsicd"),
        SharedFiles.require("data/rsicd/rsicd_mini_train.json"),
        SharedFiles.require("data/rsicd/rsicd_mini_val.json"),
        SharedFiles.require("data/rsicd/rsicd_mini_test.json"),
        OnMissing.ERROR, onEmptyCaption, 77);
  }

  @Test
  void rsicdMiniTrainEmptyCaptionsRejectedByDefault() {
    JsonDatasetSettings settings = rsicdMini(OnEmptyCaption.ERROR);

    DatasetValidationException error = catchThrowableOfType(
        () -> new JsonDatasetFactory().create(settings), DatasetValidationException.class);

    assertThat(error).as("error for the two ' .' captions of rsicd_mini_train.json").isNotNull();
    assertThat(error.getMessage()).contains("rsicd_mini_train.json");
    assertThat(error.problems()).hasSize(2);
    assertThat(error.problems().get(0)).startsWith("row 431 caption 0 ' .'");
    assertThat(error.problems().get(1)).startsWith("row 460 caption 2 ' .'");
  }

  @Test
  void rsicdMiniSplitsLoadWithStatistics() {
    Dataset dataset = new JsonDatasetFactory().create(rsicdMini(OnEmptyCaption.SKIP));
    Map<String, String> statistics = dataset.statistics();

    assertThat(dataset.train().numImages()).isEqualTo(2000);
    assertThat(dataset.val().numImages()).isEqualTo(300);
    assertThat(dataset.test().numImages()).isEqualTo(500);
    assertThat(dataset.train().numCaptions()).as("10,000 captions less the two empty ones").isEqualTo(9998);
    assertThat(dataset.val().numCaptions()).isEqualTo(1500);
    assertThat(dataset.test().numCaptions()).isEqualTo(2500);
    assertThat(dataset.test().captionsOfImage(499)).hasSize(5);
    assertThat(dataset.train().loadImage(0).width()).isEqualTo(224);
    assertThat(statistics).containsEntry("train.dropped_empty_captions", "2");
    assertThat(statistics).containsEntry("train.captions_per_image_min", "4");
    assertThat(statistics).containsEntry("val.captions_per_image_min", "5");
    assertThat(statistics).containsEntry("test.captions_per_image_min", "5");
    for (String split : new String[] {"train", "val", "test"}) {
      assertThat(statistics).containsEntry(split + ".captions_per_image_max", "5");
      assertThat(statistics).containsEntry(split + ".image_width_min", "224");
      assertThat(statistics).containsEntry(split + ".image_width_max", "224");
      assertThat(statistics).containsEntry(split + ".image_height_min", "224");
      assertThat(statistics).containsEntry(split + ".image_height_max", "224");
      assertThat(statistics).containsEntry(split + ".skipped_images", "0");
      assertThat(Integer.parseInt(statistics.get(split + ".duplicate_captions_within_images")))
          .as("%s captions repeated inside one image", split).isPositive();
      assertThat(Integer.parseInt(statistics.get(split + ".duplicate_captions_across_images")))
          .as("%s captions shared by several images", split).isPositive();
    }
  }

  @Test
  void rsicdFullTrainHasThreeEmptyCaptions() {
    AnnotationFile file =
        AnnotationFile.read(SharedFiles.require("data/rsicd/rsicd_train.json"), OnEmptyCaption.SKIP);

    assertThat(file.rows()).hasSize(7862);
    assertThat(file.droppedCaptions()).containsExactly(
        "row 916 caption 0 ' .'", "row 3605 caption 2 ' .'", "row 7111 caption 2 ' .'");
  }

  @Test
  void rsitmdTrainHasSixCaptionsPerImage() {
    AnnotationFile file = AnnotationFile.read(SharedFiles.require("data/rsitmd/rsitmd_train.json"));

    assertThat(file.rows()).hasSize(3435);
    assertThat(file.rows()).allSatisfy(row -> assertThat(row.captions()).hasSize(6));
    assertThat(file.rows().get(0).filename()).endsWith(".tif");
  }

  @Test
  void rsitmdValHasFiveCaptionsPerImage() {
    AnnotationFile file = AnnotationFile.read(SharedFiles.require("data/rsitmd/rsitmd_val.json"));

    assertThat(file.rows()).hasSize(856);
    assertThat(file.rows()).allSatisfy(row -> assertThat(row.captions()).hasSize(5));
  }

  @Test
  void ucmTrainHasFiveCaptionsPerImage() {
    AnnotationFile file = AnnotationFile.read(SharedFiles.require("data/ucm/ucm_train_data.json"));

    assertThat(file.rows()).hasSize(1680);
    assertThat(file.rows()).allSatisfy(row -> assertThat(row.captions()).hasSize(5));
    assertThat(file.rows().get(0).filename()).isEqualTo("UCM/1.tif");
  }
}
