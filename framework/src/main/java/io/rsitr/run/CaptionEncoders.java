package io.rsitr.run;

import io.rsitr.data.pipeline.CaptionEncoder;
import io.rsitr.data.pipeline.ClipCaptionEncoder;
import io.rsitr.data.pipeline.WordCaptionEncoder;
import io.rsitr.data.text.ClipTokenizer;
import io.rsitr.plugin.Backbone;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the caption encoder named by the YAML {@code text} section and checks it fits the backbone. */
public final class CaptionEncoders {

  private CaptionEncoders() {}

  public static CaptionEncoder create(Parameters text, Backbone backbone, DataSplit trainSplit) {
    int maxWords = text.getInt("max_words");
    CaptionEncoder encoder;
    if (text.getString("tokenizer").equals("words")) {
      List<String> captions = new ArrayList<>();
      for (int c = 0; c < trainSplit.numCaptions(); c++) {
        captions.add(trainSplit.caption(c));
      }
      encoder = new WordCaptionEncoder(captions, backbone.contextLength(), maxWords);
    } else {
      encoder = new ClipCaptionEncoder(loadClipTokenizer(text), backbone.contextLength(), maxWords, true);
    }
    if (encoder.vocabSize() > backbone.vocabSize()) {
      throw new IllegalArgumentException("the " + text.getString("tokenizer") + " tokenizer produces "
          + encoder.vocabSize() + " token ids but backbone.vocab_size is " + backbone.vocabSize()
          + "; set backbone.vocab_size to at least " + encoder.vocabSize());
    }
    return encoder;
  }

  /** Loads the CLIP BPE from {@code text.vocab}, with a message that names where to get it when missing. */
  public static ClipTokenizer loadClipTokenizer(Parameters text) {
    String vocab = text.getString("vocab");
    if (vocab.isEmpty()) {
      throw new IllegalArgumentException("text.vocab is empty but text.tokenizer is clip; set text.vocab to the CLIP"
          + " BPE merges file bpe_simple_vocab_16e6.txt.gz, or use text.tokenizer: words");
    }
    Path path = Path.of(vocab);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("text.vocab " + path + " does not exist; it is the CLIP BPE merges file"
          + " bpe_simple_vocab_16e6.txt.gz that ships with CLIP weights");
    }
    return ClipTokenizer.load(path);
  }
}
