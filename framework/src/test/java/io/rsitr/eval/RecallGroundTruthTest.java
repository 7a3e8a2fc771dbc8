package io.rsitr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecallGroundTruthTest {

  @Test
  void fromImageOfCaptionGroupsCaptionsByIndex() {
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(new int[] {1, 0, 1, 2, 0});

    assertThat(groundTruth.numImages()).isEqualTo(3);
    assertThat(groundTruth.numCaptions()).isEqualTo(5);
    assertThat(groundTruth.captionsOf(0)).containsExactly(1, 4);
    assertThat(groundTruth.captionsOf(1)).containsExactly(0, 2);
    assertThat(groundTruth.captionsOf(2)).containsExactly(3);
    assertThat(groundTruth.imageOf(3)).isEqualTo(2);
  }

  @Test
  void acceptsConsistentDirections() {
    GroundTruth groundTruth = new GroundTruth(new int[][] {{0, 2}, {1}}, new int[] {0, 1, 0});

    assertThat(groundTruth.captionsOfImage()).isDeepEqualTo(new int[][] {{0, 2}, {1}});
    assertThat(groundTruth.imageOfCaption()).containsExactly(0, 1, 0);
  }

  @Test
  void copiesInputArrays() {
    int[] imageOfCaption = {0, 1};
    GroundTruth groundTruth = GroundTruth.fromImageOfCaption(imageOfCaption);

    imageOfCaption[1] = 0;
    groundTruth.imageOfCaption()[0] = 1;

    assertThat(groundTruth.imageOf(0)).isEqualTo(0);
    assertThat(groundTruth.imageOf(1)).isEqualTo(1);
  }

  @Test
  void rejectsDirectionsThatDisagree() {
    assertThatThrownBy(() -> new GroundTruth(new int[][] {{0, 1}, {2}}, new int[] {0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caption 1 is listed under image 0")
        .hasMessageContaining("imageOfCaption[1] is 1");
  }

  @Test
  void rejectsCaptionUnderTwoImages() {
    assertThatThrownBy(() -> new GroundTruth(new int[][] {{0, 1}, {1}}, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caption 1 is listed under image 0 and again under image 1");
  }

  @Test
  void rejectsCaptionUnderNoImage() {
    assertThatThrownBy(() -> new GroundTruth(new int[][] {{0}, {1}}, new int[] {0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caption 2 is listed under no image");
  }

  @Test
  void rejectsImageWithoutCaptions() {
    assertThatThrownBy(() -> GroundTruth.fromImageOfCaption(new int[] {0, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image 1 has no captions");
  }

  @Test
  void rejectsIndexOutOfRange() {
    assertThatThrownBy(() -> new GroundTruth(new int[][] {{0}, {1, 5}}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("captionsOfImage[1] contains caption 5");
    assertThatThrownBy(() -> GroundTruth.fromImageOfCaption(new int[] {0, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imageOfCaption[1] is -1");
  }
}
