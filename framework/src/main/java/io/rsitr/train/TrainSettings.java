package io.rsitr.train;

import io.rsitr.plugin.Parameters;

/** Typed view of the YAML {@code train} section. */
public record TrainSettings(
    int epochs,
    int batchSize,
    double maxLr,
    double minLr,
    double warmupFraction,
    AdamWSettings adamW,
    double momentum,
    double itcWeight,
    double itmWeight,
    int logEvery,
    int workers,
    int prefetch,
    int maxStepsPerEpoch,
    double cropScaleMin,
    double cropScaleMax,
    boolean freezeTextProjection,
    boolean selectOnTest) {

  public static TrainSettings from(Parameters p) {
    return new TrainSettings(
        p.getInt("epochs"),
        p.getInt("batch_size"),
        p.getDouble("max_lr"),
        p.getDouble("min_lr"),
        p.getDouble("warmup_fraction"),
        new AdamWSettings(p.getDouble("beta1"), p.getDouble("beta2"), p.getDouble("eps"), p.getDouble("weight_decay")),
        p.getDouble("momentum"),
        p.getDouble("itc_weight"),
        p.getDouble("itm_weight"),
        p.getInt("log_every"),
        p.getInt("workers"),
        p.getInt("prefetch"),
        p.getInt("max_steps_per_epoch"),
        p.getDouble("crop_scale_min"),
        p.getDouble("crop_scale_max"),
        p.getBool("freeze_text_projection"),
        p.getBool("select_on_test"));
  }
}
