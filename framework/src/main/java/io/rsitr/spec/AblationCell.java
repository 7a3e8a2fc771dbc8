package io.rsitr.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of an ablation grid.
 *
 * @param index the position in {@link AblationGrid#cells()}, 0-based
 * @param label the overrides as one line, for example {@code interaction.name=none,loss.name=tc,seed=2}
 * @param overrides key path to plain value, in axis order
 * @param spec the complete, validated spec of this run, without an ablation section
 */
public record AblationCell(int index, String label, Map<String, Object> overrides, ExperimentSpec spec) {

  public AblationCell {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(spec, "spec");
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }
}
