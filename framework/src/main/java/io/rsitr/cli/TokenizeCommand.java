package io.rsitr.cli;

import io.rsitr.data.text.CaptionNormalizer;
import io.rsitr.data.text.ClipTokenizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reads captions, one per line, and prints one JSON array of CLIP token ids per line. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Tokenize captions from standard input (one per line) into JSON arrays of CLIP token ids.")
final class TokenizeCommand implements Callable<Integer> {

  @Option(names = "--vocab", paramLabel = "FILE", defaultValue = "../shared/vocab/bpe_simple_vocab_16e6.txt.gz",
      description = "CLIP BPE merges file (default: ${DEFAULT-VALUE})")
  Path vocab;

  @Option(names = "--context-length", paramLabel = "N", defaultValue = "77",
      description = "ids per caption, padded with 0 (default: ${DEFAULT-VALUE})")
  int contextLength;

  @Option(names = "--pre-caption", description = "apply the dataset caption normalisation first (max 77 words)")
  boolean preCaption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!java.nio.file.Files.isRegularFile(vocab)) {
      throw new IllegalArgumentException("CLIP BPE merges file " + vocab + " not found; pass --vocab FILE with the"
          + " bpe_simple_vocab_16e6.txt.gz that ships with CLIP weights (open_clip includes it)");
    }
    ClipTokenizer tokenizer = ClipTokenizer.load(vocab);
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      String text = line;
      if (preCaption) {
        try {
          text = CaptionNormalizer.preCaption(line, 77);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
        }
      }
      int[] ids = tokenizer.encode(text, contextLength);
      out.println(Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]")));
    }
    out.flush();
    return 0;
  }
}
