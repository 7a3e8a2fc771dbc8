package io.rsitr.train;

/** AdamW hyper-parameters: betas, epsilon and decoupled weight decay. */
public record AdamWSettings(double beta1, double beta2, double epsilon, double weightDecay) {

  public AdamWSettings {
    if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
      throw new IllegalArgumentException("AdamW betas must lie in [0, 1), got " + beta1 + " and " + beta2);
    }
    if (epsilon <= 0) {
      throw new IllegalArgumentException("AdamW epsilon must be positive, got " + epsilon);
    }
    if (weightDecay < 0) {
      throw new IllegalArgumentException("AdamW weight decay must not be negative, got " + weightDecay);
    }
  }
}
