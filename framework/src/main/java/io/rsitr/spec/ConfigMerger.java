package io.rsitr.spec;

import java.util.Set;

/**
 * Merges configuration trees: maps merge key by key, recursively, and the later tree wins for
 * everything else. Lists are replaced, not concatenated.
 *
 * <p>Two exceptions keep merged files meaningful. A null value ({@code train:} with nothing under it)
 * does not erase a map from an earlier file. A plugin section whose {@code name} changes replaces
 * the earlier section instead of merging into it, because the earlier parameters belong to a
 * different plugin and would be reported as unknown keys.
 */
final class ConfigMerger {

  private final Set<String> pluginSections;

  /** {@code pluginSections} are the top-level keys that select a plugin by {@code name}. */
  ConfigMerger(Set<String> pluginSections) {
    this.pluginSections = Set.copyOf(pluginSections);
  }

  ConfigNode merge(ConfigNode base, ConfigNode override) {
    return merge(base, override, 0);
  }

  private ConfigNode merge(ConfigNode base, ConfigNode override, int depth) {
    if (base instanceof ConfigMap && override instanceof ConfigScalar scalar && scalar.isNull()) {
      return base;
    }
    if (!(base instanceof ConfigMap baseMap) || !(override instanceof ConfigMap overrideMap)) {
      return override;
    }
    ConfigMap merged = new ConfigMap(baseMap.entries(), overrideMap.location());
    for (ConfigMap.Entry entry : overrideMap.entries()) {
      ConfigNode existing = merged.get(entry.key());
      ConfigNode value;
      if (existing == null) {
        value = entry.value();
      } else if (depth == 0 && pluginSections.contains(entry.key()) && changesPluginName(existing, entry.value())) {
        value = entry.value();
      } else {
        value = merge(existing, entry.value(), depth + 1);
      }
      merged = merged.with(new ConfigMap.Entry(entry.key(), entry.keyLocation(), value));
    }
    return merged;
  }

  /** Returns whether {@code override} names a different plugin than {@code base}. */
  static boolean changesPluginName(ConfigNode base, ConfigNode override) {
    String baseName = pluginName(base);
    String overrideName = pluginName(override);
    return overrideName != null && !overrideName.equals(baseName);
  }

  private static String pluginName(ConfigNode section) {
    return section instanceof ConfigMap map && map.get("name") instanceof ConfigScalar name ? name.text() : null;
  }
}
