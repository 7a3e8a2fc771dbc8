package io.rsitr.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads an experiment file with the fragments it names under {@code extends:}, recursively.
 *
 * <p>A fragment path is relative to the file that names it. Fragments merge in list order and the
 * including file merges last, so it wins (see {@link ConfigMerger}). A file may be reached twice
 * through different branches, but a file that extends itself, directly or not, is a cycle.
 * Environment references are substituted per file, so {@code extends} entries may use them too.
 */
final class ExtendsComposer {

  private record Visit(Path absolute, String displayName) {}

  private final YamlSource yaml;
  private final EnvSubstitution environment;
  private final ConfigMerger merger;
  private final List<ConfigProblem> problems;

  ExtendsComposer(YamlSource yaml, EnvSubstitution environment, ConfigMerger merger, List<ConfigProblem> problems) {
    this.yaml = yaml;
    this.environment = environment;
    this.merger = merger;
    this.problems = problems;
  }

  /** Returns the composed tree without the {@code extends} key, or {@code null} when the file itself failed to load. */
  ConfigMap compose(Path file) {
    return load(file, new SourceLocation(file.toString(), 0, 0), "", new ArrayList<>());
  }

  private ConfigMap load(Path file, SourceLocation includedFrom, String keyPath, List<Visit> chain) {
    Visit visit = new Visit(file.toAbsolutePath().normalize(), file.toString());
    if (chain.stream().anyMatch(earlier -> earlier.absolute().equals(visit.absolute()))) {
      String cycle = chain.stream().map(Visit::displayName).collect(Collectors.joining(" -> "));
      problems.add(new ConfigProblem(includedFrom, keyPath, file.toString(),
          "extends cycle: " + cycle + " -> " + visit.displayName() + "; remove one of these extends entries", null));
      return null;
    }

    ConfigNode node = yaml.readFile(file, includedFrom, keyPath);
    if (node == null) {
      return null;
    }
    node = environment.apply(node, "");
    if (!(node instanceof ConfigMap root)) {
      problems.add(new ConfigProblem(node.location(), "", null,
          "expected a map of top-level keys such as name, backbone and train", null));
      return null;
    }

    chain.add(visit);
    ConfigMap merged = ConfigMap.empty(root.location());
    for (FragmentReference reference : fragmentReferences(root, file)) {
      ConfigMap fragment = load(reference.path(), reference.location(), reference.keyPath(), chain);
      if (fragment != null) {
        merged = (ConfigMap) merger.merge(merged, fragment);
      }
    }
    chain.remove(chain.size() - 1);
    return (ConfigMap) merger.merge(merged, root.without(SpecValidator.EXTENDS_KEY));
  }

  private record FragmentReference(Path path, SourceLocation location, String keyPath) {}

  private List<FragmentReference> fragmentReferences(ConfigMap root, Path file) {
    ConfigNode node = root.get(SpecValidator.EXTENDS_KEY);
    List<FragmentReference> references = new ArrayList<>();
    if (node == null || node instanceof ConfigScalar nullScalar && nullScalar.isNull()) {
      return references;
    }
    if (node instanceof ConfigScalar scalar) {
      references.add(reference(scalar, file, SpecValidator.EXTENDS_KEY));
      return references;
    }
    if (node instanceof ConfigList list) {
      for (int i = 0; i < list.items().size(); i++) {
        String keyPath = SpecValidator.EXTENDS_KEY + "[" + i + "]";
        if (list.items().get(i) instanceof ConfigScalar scalar && !scalar.isNull()) {
          references.add(reference(scalar, file, keyPath));
        } else {
          problems.add(new ConfigProblem(list.items().get(i).location(), keyPath, null,
              "expected a file path", null));
        }
      }
      return references;
    }
    problems.add(new ConfigProblem(node.location(), SpecValidator.EXTENDS_KEY, null,
        "expected a file path or a list of file paths", null));
    return references;
  }

  private static FragmentReference reference(ConfigScalar scalar, Path file, String keyPath) {
    Path relative = Path.of(scalar.text());
    Path directory = file.getParent();
    Path resolved = directory == null ? relative : directory.resolve(relative).normalize();
    return new FragmentReference(resolved, scalar.location(), keyPath);
  }
}
