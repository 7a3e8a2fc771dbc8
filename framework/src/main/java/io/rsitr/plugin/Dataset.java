package io.rsitr.plugin;

import java.util.Map;

/** Extension point: the train, validation and test splits of an image-text retrieval dataset. */
public interface Dataset {

  DataSplit train();

  DataSplit val();

  DataSplit test();

  /** Returns statistics to record on the run (counts, duplicates, sizes), keyed by name. */
  default Map<String, String> statistics() {
    return Map.of();
  }
}
