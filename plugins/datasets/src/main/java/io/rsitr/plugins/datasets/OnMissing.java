package io.rsitr.plugins.datasets;

import java.util.Locale;

/** The policy of the {@code rsitr-json} dataset for images that are missing or fail to decode. */
public enum OnMissing {
  /** Fail before training and list the images. */
  ERROR,
  /** Drop the images and their captions, and log how many were dropped. */
  SKIP;

  /** Returns the value for a YAML name, {@code error} or {@code skip}. */
  public static OnMissing fromYamlName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
