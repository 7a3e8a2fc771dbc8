package io.rsitr.run;

import io.rsitr.plugin.PluginKind;
import io.rsitr.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Tags recorded on every run: plugin names, seed, config hash, device and the git commit when known. */
final class RunTags {

  private RunTags() {}

  static Map<String, String> of(ExperimentSpec spec, String device) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (PluginKind kind : PluginKind.values()) {
      tags.put("rsitr." + kind.yamlKey(), spec.plugin(kind).name());
    }
    tags.put("rsitr.seed", Long.toString(spec.seed()));
    tags.put("rsitr.config_hash", spec.configHash());
    tags.put("rsitr.device", device);
    tags.put("mlflow.source.name", spec.sourceFile().toString());
    String commit = gitCommit();
    if (commit != null) {
      tags.put("mlflow.source.git.commit", commit);
    }
    return tags;
  }

  /** Returns the checked-out commit, or {@code null} outside a git work tree or without git. */
  static String gitCommit() {
    try {
      Process process = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.matches("[0-9a-f]{40}")) {
        return null;
      }
      return output;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
