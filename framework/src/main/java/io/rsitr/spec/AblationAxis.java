package io.rsitr.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One dimension of an ablation grid: a key path and the values it takes, as plain Java values
 * (strings, {@link Long}, {@link Double}, {@link Boolean}, lists, maps).
 */
public record AblationAxis(String keyPath, List<Object> values) {

  public AblationAxis {
    Objects.requireNonNull(keyPath, "keyPath");
    // List.copyOf rejects nulls, and a grid may legitimately contain null values.
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }
}
