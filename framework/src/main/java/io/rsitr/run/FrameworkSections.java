package io.rsitr.run;

import static io.rsitr.plugin.ParameterSpec.ofBool;
import static io.rsitr.plugin.ParameterSpec.ofEnum;
import static io.rsitr.plugin.ParameterSpec.ofFloat;
import static io.rsitr.plugin.ParameterSpec.ofInt;
import static io.rsitr.plugin.ParameterSpec.ofString;

import io.rsitr.spec.ConfigSection;
import java.util.List;

/** The YAML sections the framework itself owns, with their parameters and defaults. */
public final class FrameworkSections {

  private FrameworkSections() {}

  public static List<ConfigSection> all() {
    return List.of(train(), eval(), text(), tracking(), runtime());
  }

  /** Optimisation defaults follow the reference configs: AdamW, 20 epochs, batch 64, warm-up 10 %. */
  static ConfigSection train() {
    return new ConfigSection("train", "optimisation and the training loop", List.of(
        ofInt("epochs", 20, "training epochs").atLeast(1),
        ofInt("batch_size", 64, "image-caption pairs per step").atLeast(2),
        ofFloat("max_lr", 2e-5, "peak learning rate, reached at the end of warm-up").atLeast(0.0),
        ofFloat("min_lr", 2e-7, "learning rate at the start of warm-up and at the end of the cosine").atLeast(0.0),
        ofFloat("warmup_fraction", 0.1, "fraction of all steps spent warming up").range(0.0, 1.0),
        ofFloat("weight_decay", 0.04, "AdamW decoupled weight decay").atLeast(0.0),
        ofFloat("beta1", 0.9, "AdamW β1").range(0.0, 0.999999),
        ofFloat("beta2", 0.98, "AdamW β2").range(0.0, 0.999999),
        ofFloat("eps", 1e-8, "AdamW ε, added outside the square root").atLeast(1e-12),
        ofFloat("momentum", 0.995, "momentum m of the exponential-moving-average encoders").range(0.0, 1.0),
        ofFloat("itc_weight", 1.0, "weight of the contrastive loss").atLeast(0.0),
        ofFloat("itm_weight", 1.0, "weight of the image-text matching loss (interactions that score pairs)")
            .atLeast(0.0),
        ofInt("log_every", 10, "log train/* metrics every N steps").atLeast(1),
        ofInt("workers", 2, "background threads decoding and augmenting images").atLeast(1),
        ofInt("prefetch", 4, "batches prepared ahead of the training step").atLeast(1),
        ofInt("max_steps_per_epoch", 0, "cap on steps per epoch; 0 uses every full batch").atLeast(0),
        ofFloat("crop_scale_min", 0.9, "random resized crop: smallest area fraction").range(0.01, 1.0),
        ofFloat("crop_scale_max", 1.0, "random resized crop: largest area fraction").range(0.01, 1.0),
        ofBool("freeze_text_projection", false,
            "REFERENCE QUIRK: keep text_projection frozen, as the reference's shared momentum tensor does"),
        ofBool("select_on_test", false,
            "REFERENCE QUIRK: also report the checkpoint with the best test mR (leaks the test set)")));
  }

  static ConfigSection eval() {
    return new ConfigSection("eval", "evaluation", List.of(
        ofInt("batch_size", 128, "images or captions encoded per run of the graph").atLeast(1),
        ofInt("rerank_k", 40, "candidates re-ranked per query by an interaction that scores pairs").atLeast(1),
        ofInt("rerank_batch", 256, "pairs scored per run of the interaction").atLeast(1),
        ofInt("num_bins", 15, "equal-mass bins of the calibration error").atLeast(1)));
  }

  static ConfigSection text() {
    return new ConfigSection("text", "caption tokenisation", List.of(
        ofEnum("tokenizer", "clip",
            "clip: CLIP byte-level BPE from the vocab file; words: a word vocabulary built from the training captions",
            "clip", "words"),
        ofString("vocab", "", "CLIP BPE merges file bpe_simple_vocab_16e6.txt.gz (tokenizer clip)"),
        ofInt("max_words", 77, "captions are cut to this many words after normalisation").atLeast(1)));
  }

  static ConfigSection tracking() {
    return new ConfigSection("tracking", "where runs are recorded", List.of(
        ofString("uri", "file:./mlruns",
            "MLflow tracking URI: file:PATH for the local store, http(s)://HOST:PORT for a tracking server;"
                + " MLFLOW_TRACKING_URI replaces the default"),
        ofString("experiment", "rsitr", "MLflow experiment name"),
        ofString("run_name", "", "MLflow run name; empty uses the experiment file's name")));
  }

  static ConfigSection runtime() {
    return new ConfigSection("runtime", "devices and outputs", List.of(
        ofEnum("device", "cpu", "where the graph runs", "cpu", "gpu", "auto"),
        ofBool("require_gpu", false, "fail the run when no GPU is visible"),
        ofBool("memory_growth", true, "GPU: allocate memory as needed instead of all at once"),
        ofBool("mixed_precision", false,
            "compute eligible ops in float16 (GPU) or bfloat16 (CPU with oneDNN); variables stay float32"),
        ofBool("xla", false, "let XLA compile clusters of the graph"),
        ofInt("threads", 0, "TensorFlow intra-op threads; 0 lets TensorFlow choose").atLeast(0),
        ofString("output_dir", "runs", "folder for run checkpoints, one subfolder per run")));
  }
}
