package io.rsitr.spec;

import java.util.List;
import java.util.Objects;

/** A YAML sequence. */
public record ConfigList(List<ConfigNode> items, SourceLocation location) implements ConfigNode {

  public ConfigList {
    items = List.copyOf(items);
    Objects.requireNonNull(location, "location");
  }

  @Override
  public Object toPlainValue() {
    return items.stream().map(ConfigNode::toPlainValue).toList();
  }
}
