package io.rsitr.train;

import io.rsitr.eval.Calibration;
import io.rsitr.eval.GroundTruth;
import io.rsitr.eval.Recall;
import io.rsitr.eval.RetrievalMetrics;
import io.rsitr.eval.SplitEmbeddings;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.ValidationScores;

/** Scores a split with the dual encoder and computes recall and calibration. */
public final class SplitEvaluator {

  private final SplitEncoder encoder;
  private final int numBins;

  public SplitEvaluator(SplitEncoder encoder, int numBins) {
    this.encoder = encoder;
    this.numBins = numBins;
  }

  public EvaluationResult evaluate(DataSplit split) {
    SplitEmbeddings embeddings = encoder.encode(split);
    float[][] i2t = embeddings.scoresI2t();
    float[][] t2i = SplitEmbeddings.transpose(i2t);
    GroundTruth truth = groundTruth(split);
    Recall recall = RetrievalMetrics.compute(i2t, t2i, truth);
    ValidationScores scores = new ValidationScores(i2t, t2i, truth.captionsOfImage(), truth.imageOfCaption());
    return new EvaluationResult(recall, Calibration.i2t(i2t, truth, numBins), Calibration.t2i(t2i, truth, numBins),
        scores);
  }

  /** Builds the ground truth of a split by caption index, never by caption text. */
  public static GroundTruth groundTruth(DataSplit split) {
    int[][] captionsOfImage = new int[split.numImages()][];
    for (int i = 0; i < captionsOfImage.length; i++) {
      captionsOfImage[i] = split.captionsOfImage(i);
    }
    int[] imageOfCaption = new int[split.numCaptions()];
    for (int c = 0; c < imageOfCaption.length; c++) {
      imageOfCaption[c] = split.imageOfCaption(c);
    }
    return new GroundTruth(captionsOfImage, imageOfCaption);
  }
}
