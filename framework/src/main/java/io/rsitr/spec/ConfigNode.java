package io.rsitr.spec;

/**
 * One node of a configuration tree: a map, a list or a scalar, each with the location it came
 * from.
 *
 * <p>Trees are immutable. A merged tree mixes nodes from several YAML files, command-line
 * overrides and environment substitutions, so every node keeps its own location.
 */
public sealed interface ConfigNode permits ConfigMap, ConfigList, ConfigScalar {

  SourceLocation location();

  /** Returns the node as a plain Java value for labels and logs: maps, lists, strings and numbers. */
  Object toPlainValue();
}
