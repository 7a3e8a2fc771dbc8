package io.rsitr.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** Reads and writes the {@code meta.yaml} files of the MLflow file store. */
final class MetaYaml {

  static final String FILE_NAME = "meta.yaml";

  private MetaYaml() {}

  /** Reads {@code dir/meta.yaml} into a map, or returns {@code null} when the file is missing. */
  static Map<String, Object> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object loaded = yaml.load(Files.readString(file, StandardCharsets.UTF_8));
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new IOException("Invalid MLflow metadata file " + file + ": expected a YAML mapping");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(String.valueOf(key), value));
    return result;
  }

  /**
   * Replaces {@code dir/meta.yaml} atomically. Keys are written sorted in block style, as
   * MLflow's own {@code write_yaml} does, so files from both writers look alike.
   */
  static void write(Path dir, Map<String, Object> meta) throws IOException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Yaml yaml = new Yaml(new Representer(options), options);
    AtomicFiles.writeString(dir.resolve(FILE_NAME), yaml.dump(new TreeMap<>(meta)), dir);
  }
}
