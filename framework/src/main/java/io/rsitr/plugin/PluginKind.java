package io.rsitr.plugin;

/** The four extension points, each a top-level section of the experiment YAML. */
public enum PluginKind {
  BACKBONE("backbone"),
  INTERACTION("interaction"),
  LOSS("loss"),
  DATASET("dataset");

  private final String yamlKey;

  PluginKind(String yamlKey) {
    this.yamlKey = yamlKey;
  }

  /** Returns the YAML section name, for example {@code backbone}. */
  public String yamlKey() {
    return yamlKey;
  }
}
