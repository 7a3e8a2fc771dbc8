package io.rsitr.spec;

import io.rsitr.plugin.Parameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders an {@link ExperimentSpec} as resolved YAML, flat tracking parameters and a hash. */
final class ResolvedConfig {

  // NOTE: 6000 characters is the MLflow parameter value limit this project assumes. It was not
  // checked against every MLflow server version, and older servers may accept fewer.
  /** Longest parameter value kept for tracking, in characters. */
  static final int MAX_PARAM_LENGTH = 6000;

  private static final String TRUNCATION_MARK = "...";
  private static final int HASH_HEX_DIGITS = 16;

  private ResolvedConfig() {}

  static String toYaml(ExperimentSpec spec) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setSplitLines(false);
    return new Yaml(options).dump(toPlainMap(spec));
  }

  static Map<String, String> flatten(ExperimentSpec spec) {
    Map<String, String> flat = new LinkedHashMap<>();
    flat.put("seed", Long.toString(spec.seed()));
    spec.plugins().values().forEach(choice -> {
      flat.put(choice.kind().yamlKey() + ".name", choice.name());
      putParameters(flat, choice.kind().yamlKey(), choice.parameters());
    });
    spec.sections().forEach((section, parameters) -> putParameters(flat, section, parameters));
    return flat;
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private static Map<String, Object> toPlainMap(ExperimentSpec spec) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", spec.name());
    if (!spec.description().isEmpty()) {
      root.put("description", spec.description());
    }
    root.put("seed", spec.seed());
    spec.plugins().values().forEach(choice -> {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("name", choice.name());
      section.putAll(plainParameters(choice.parameters()));
      root.put(choice.kind().yamlKey(), section);
    });
    spec.sections().forEach((name, parameters) -> root.put(name, plainParameters(parameters)));
    spec.ablation().ifPresent(grid -> root.put("ablation", plainAblation(grid)));
    return root;
  }

  private static Map<String, Object> plainAblation(AblationGrid grid) {
    Map<String, Object> axes = new LinkedHashMap<>();
    grid.axes().forEach(axis -> axes.put(axis.keyPath(), axis.values()));
    Map<String, Object> ablation = new LinkedHashMap<>();
    ablation.put("grid", axes);
    ablation.put("baseline", new LinkedHashMap<>(grid.baselineCell().overrides()));
    return ablation;
  }

  private static Map<String, Object> plainParameters(Parameters parameters) {
    Map<String, Object> plain = new LinkedHashMap<>();
    parameters.asMap().forEach((name, value) -> plain.put(name, plainValue(value)));
    return plain;
  }

  private static Object plainValue(Object value) {
    if (value instanceof Path path) {
      // Absolute, so that the resolved YAML means the same when it is loaded from another folder.
      return path.toAbsolutePath().normalize().toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ResolvedConfig::plainValue).toList();
    }
    return value;
  }

  private static void putParameters(Map<String, String> flat, String section, Parameters parameters) {
    parameters.asMap().forEach((name, value) -> flat.put(section + "." + name, truncate(String.valueOf(plainValue(value)))));
  }

  private static String truncate(String value) {
    if (value.length() <= MAX_PARAM_LENGTH) {
      return value;
    }
    return value.substring(0, MAX_PARAM_LENGTH - TRUNCATION_MARK.length()) + TRUNCATION_MARK;
  }
}
