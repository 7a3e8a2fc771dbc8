package io.rsitr.run;

import java.nio.file.Path;
import java.util.Map;

/** The result of a finished run: its tracking id, test metrics and local folder. */
public record RunOutcome(String runId, Map<String, Double> testMetrics, Path runFolder) {}
