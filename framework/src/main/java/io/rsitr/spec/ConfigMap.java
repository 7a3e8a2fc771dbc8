package io.rsitr.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A YAML mapping with string keys, in the order the keys were written. */
public final class ConfigMap implements ConfigNode {

  /** One key of a map: the key's own location is where "unknown key" problems point. */
  public record Entry(String key, SourceLocation keyLocation, ConfigNode value) {

    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyLocation, "keyLocation");
      Objects.requireNonNull(value, "value");
    }
  }

  private final Map<String, Entry> entries;
  private final SourceLocation location;

  public ConfigMap(List<Entry> entries, SourceLocation location) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (Entry entry : entries) {
      byKey.put(entry.key(), entry);
    }
    this.entries = Collections.unmodifiableMap(byKey);
    this.location = Objects.requireNonNull(location, "location");
  }

  public static ConfigMap empty(SourceLocation location) {
    return new ConfigMap(List.of(), location);
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Returns the entry for {@code key}, or {@code null} when the map does not contain it. */
  public Entry entry(String key) {
    return entries.get(key);
  }

  /** Returns the value for {@code key}, or {@code null} when the map does not contain it. */
  public ConfigNode get(String key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.value();
  }

  /** Returns a copy with {@code entry} added at the end, or replacing the entry of the same key in place. */
  public ConfigMap with(Entry entry) {
    List<Entry> copy = new ArrayList<>(entries.values());
    int index = indexOf(entry.key());
    if (index >= 0) {
      copy.set(index, entry);
    } else {
      copy.add(entry);
    }
    return new ConfigMap(copy, location);
  }

  /** Returns a copy without {@code key}. */
  public ConfigMap without(String key) {
    List<Entry> copy = new ArrayList<>(entries.values());
    copy.removeIf(entry -> entry.key().equals(key));
    return new ConfigMap(copy, location);
  }

  @Override
  public Object toPlainValue() {
    Map<String, Object> plain = new LinkedHashMap<>();
    entries.forEach((key, entry) -> plain.put(key, entry.value().toPlainValue()));
    return plain;
  }

  private int indexOf(String key) {
    int index = 0;
    for (String existing : entries.keySet()) {
      if (existing.equals(key)) {
        return index;
      }
      index++;
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigMap map && entries.equals(map.entries) && location.equals(map.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries, location);
  }

  @Override
  public String toString() {
    return "ConfigMap" + entries.values() + " at " + location;
  }
}
