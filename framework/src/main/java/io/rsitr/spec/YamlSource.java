package io.rsitr.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into a {@link ConfigNode} tree that keeps the file, line and column of every key
 * and value.
 *
 * <p>Only SnakeYAML's node API ({@code compose}) runs, so no Java object is ever constructed from
 * the YAML. Tags other than the standard YAML 1.1 ones for strings, numbers, booleans, null, maps
 * and lists are rejected, as are merge keys ({@code <<}), duplicate keys, non-string keys and
 * aliases that refer to themselves.
 */
final class YamlSource {

  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final Resolver resolver = new Resolver();
  private final List<ConfigProblem> problems;

  YamlSource(List<ConfigProblem> problems) {
    this.problems = problems;
  }

  /**
   * Reads a YAML file. Returns the root node, an empty map for an empty file, or {@code null} when
   * the file cannot be read or parsed (the reason is added to the problems).
   */
  ConfigNode readFile(Path file, SourceLocation includedFrom, String keyPath) {
    String displayName = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(new ConfigProblem(includedFrom, keyPath, displayName, "file not found: " + displayName, null));
      return null;
    } catch (IOException e) {
      problems.add(new ConfigProblem(includedFrom, keyPath, displayName,
          "failed to read " + displayName + ": " + e.getMessage(), null));
      return null;
    }
    int problemsBefore = problems.size();
    ConfigNode root = read(new StringReader(text), displayName, file.getParent());
    boolean emptyDocument = root == null && problems.size() == problemsBefore;
    return emptyDocument ? ConfigMap.empty(SourceLocation.startOf(displayName)) : root;
  }

  /**
   * Parses a value given on the command line, such as {@code [1,5,10]} or {@code 'text'}; every node
   * gets {@code location} because the text has no lines of its own.
   */
  ConfigNode readValue(String text, SourceLocation location) {
    ConfigNode node = read(new StringReader(text), location.file(), null);
    return node == null ? null : relocate(node, location);
  }

  private ConfigNode read(Reader reader, String displayName, Path baseDirectory) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      // Composing never constructs objects, so every tag may pass the parser. The converter then
      // reports each unsupported tag with its location instead of stopping at the first one.
      options.setTagInspector(tag -> true);
      root = new Yaml(new SafeConstructor(options)).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourceLocation location = mark == null
          ? SourceLocation.startOf(displayName)
          : new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
      problems.add(new ConfigProblem(location, "", null, "invalid YAML: " + describe(e), null));
      return null;
    } catch (YAMLException e) {
      problems.add(new ConfigProblem(SourceLocation.startOf(displayName), "", null,
          "invalid YAML: " + e.getMessage(), null));
      return null;
    }
    if (root == null) {
      return null;
    }
    return new Converter(displayName, baseDirectory).convert(root, "");
  }

  private static String describe(MarkedYAMLException e) {
    String context = e.getContext() == null ? "" : e.getContext() + ", ";
    return context + (e.getProblem() == null ? "syntax error" : e.getProblem());
  }

  private static ConfigNode relocate(ConfigNode node, SourceLocation location) {
    if (node instanceof ConfigScalar scalar) {
      return new ConfigScalar(scalar.text(), scalar.quoted(), location, null);
    }
    if (node instanceof ConfigList list) {
      return new ConfigList(list.items().stream().map(item -> relocate(item, location)).toList(), location);
    }
    List<ConfigMap.Entry> entries = new ArrayList<>();
    for (ConfigMap.Entry entry : ((ConfigMap) node).entries()) {
      entries.add(new ConfigMap.Entry(entry.key(), location, relocate(entry.value(), location)));
    }
    return new ConfigMap(entries, location);
  }

  /** Converts one composed document; tracks the nodes being converted to detect recursive aliases. */
  private final class Converter {

    private final String displayName;
    private final Path baseDirectory;
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    Converter(String displayName, Path baseDirectory) {
      this.displayName = displayName;
      this.baseDirectory = baseDirectory;
    }

    /** Returns the converted node, or {@code null} when the node was rejected. */
    ConfigNode convert(Node node, String keyPath) {
      SourceLocation location = locationOf(node);
      if (inProgress.containsKey(node)) {
        problems.add(new ConfigProblem(location, keyPath, null, "an alias refers to a node that contains it", null));
        return null;
      }
      if (!STANDARD_TAGS.contains(node.getTag())) {
        problems.add(unsupportedTag(node, location, keyPath));
        return null;
      }
      inProgress.put(node, Boolean.TRUE);
      try {
        return switch (node.getNodeId()) {
          case scalar -> convertScalar((ScalarNode) node, location);
          case sequence -> convertSequence((SequenceNode) node, keyPath, location);
          case mapping -> convertMapping((MappingNode) node, keyPath, location);
          case anchor -> throw new IllegalStateException("the composer resolves anchors");
        };
      } finally {
        inProgress.remove(node);
      }
    }

    private ConfigScalar convertScalar(ScalarNode node, SourceLocation location) {
      boolean explicitString = node.getTag().equals(Tag.STR)
          && (!node.isPlain() || !resolver.resolve(NodeId.scalar, node.getValue(), true).equals(Tag.STR));
      return new ConfigScalar(node.getValue(), explicitString, location, baseDirectory);
    }

    private ConfigList convertSequence(SequenceNode node, String keyPath, SourceLocation location) {
      List<ConfigNode> items = new ArrayList<>();
      for (int i = 0; i < node.getValue().size(); i++) {
        ConfigNode item = convert(node.getValue().get(i), keyPath + "[" + i + "]");
        if (item != null) {
          items.add(item);
        }
      }
      return new ConfigList(items, location);
    }

    private ConfigMap convertMapping(MappingNode node, String keyPath, SourceLocation location) {
      List<ConfigMap.Entry> entries = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourceLocation keyLocation = locationOf(keyNode);
        if (keyNode.getTag().equals(Tag.MERGE)) {
          problems.add(new ConfigProblem(keyLocation, keyPath, "<<",
              "merge keys (<<) are not supported; use 'extends' to share settings between files", null));
          continue;
        }
        if (!STANDARD_TAGS.contains(keyNode.getTag())) {
          problems.add(unsupportedTag(keyNode, keyLocation, keyPath));
          continue;
        }
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          problems.add(new ConfigProblem(keyLocation, keyPath, null, "a key must be a plain string", null));
          continue;
        }
        String key = scalarKey.getValue();
        String childPath = keyPath.isEmpty() ? key : keyPath + "." + key;
        if (!seen.add(key)) {
          problems.add(new ConfigProblem(keyLocation, childPath, key, "duplicate key", null));
          continue;
        }
        ConfigNode value = convert(tuple.getValueNode(), childPath);
        if (value != null) {
          entries.add(new ConfigMap.Entry(key, keyLocation, value));
        }
      }
      return new ConfigMap(entries, location);
    }

    private ConfigProblem unsupportedTag(Node node, SourceLocation location, String keyPath) {
      String tag = node.getTag().getValue().replace(Tag.PREFIX, "!!");
      return new ConfigProblem(location, keyPath, tag, "unsupported YAML tag '" + tag
          + "'; only strings, numbers, booleans, null, maps and lists are allowed, so remove the tag", null);
    }

    private SourceLocation locationOf(Node node) {
      Mark start = node.getStartMark();
      return new SourceLocation(displayName, start.getLine() + 1, start.getColumn() + 1);
    }
  }
}
