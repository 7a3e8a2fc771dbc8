package io.rsitr.plugins.datasets;

import java.util.Locale;

/**
 * The policy for a caption that is empty after normalisation, such as {@code " ."}, which
 * appears three times in the public RSICD train split.
 */
public enum OnEmptyCaption {
  /** Reject the annotation file and name every such caption. */
  ERROR,
  /** Drop the caption and log where it was; an image left without captions is still an error. */
  SKIP;

  /** Returns the value for a YAML name, {@code error} or {@code skip}. */
  public static OnEmptyCaption fromYamlName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
