package io.rsitr.plugins.datasets;

import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.Dataset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset whose three splits and statistics are fixed when it is created.
 *
 * @param statistics counts keyed {@code <split>.<name>}, in the order they were recorded
 */
record LoadedDataset(DataSplit train, DataSplit val, DataSplit test, Map<String, String> statistics)
    implements Dataset {

  LoadedDataset {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(val, "val");
    Objects.requireNonNull(test, "test");
    statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
  }
}
