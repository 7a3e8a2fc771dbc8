package io.rsitr.plugin;

/** Value types a plugin or framework section may declare for its YAML parameters. */
public enum ParameterType {
  INT("integer"),
  FLOAT("number"),
  BOOL("boolean"),
  STRING("string"),
  PATH("path"),
  ENUM("one of a fixed set of strings"),
  INT_LIST("list of integers"),
  FLOAT_LIST("list of numbers"),
  STRING_LIST("list of strings");

  private final String description;

  ParameterType(String description) {
    this.description = description;
  }

  /** Returns the type as users read it in error messages, for example "integer". */
  public String description() {
    return description;
  }
}
