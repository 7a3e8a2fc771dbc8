package io.rsitr.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the tensors a model expects with the tensors of a checkpoint before anything is loaded.
 *
 * <p>Strict by default: every expected key must be present with the same shape and the weights
 * must contain nothing else. Two relaxations are explicit: ignore patterns for extra tensors of
 * the weights (for example momentum copies {@code *_m}), and optional keys that the model can
 * initialise itself when the weights lack them (for example {@code logit_bias}, which older
 * checkpoints do not have). Instances are immutable; the {@code with...} methods return copies.
 */
public final class WeightCompatibility {

  private final List<String> ignorePatterns;
  private final List<Pattern> ignoreRegexes;
  private final Set<String> optionalKeys;
  private final ShapeMismatchExplainer explainer;

  private WeightCompatibility(List<String> ignorePatterns, Set<String> optionalKeys, ShapeMismatchExplainer explainer) {
    this.ignorePatterns = List.copyOf(ignorePatterns);
    this.ignoreRegexes = ignorePatterns.stream().map(WeightCompatibility::globToRegex).toList();
    this.optionalKeys = Set.copyOf(optionalKeys);
    this.explainer = Objects.requireNonNull(explainer, "explainer");
  }

  /** Returns a check that ignores nothing, treats every key as required and explains no shape. */
  public static WeightCompatibility strict() {
    return new WeightCompatibility(List.of(), Set.of(), ShapeMismatchExplainer.none());
  }

  /**
   * Returns a copy that also ignores extra tensors of the weights whose names match one of these
   * patterns, where {@code *} matches any run of characters ({@code *_m}, {@code text_proj_m}).
   * Ignored names are never loaded. The patterns do not excuse a missing expected key.
   */
  public WeightCompatibility withIgnoredKeys(String... patterns) {
    List<String> combined = new ArrayList<>(ignorePatterns);
    combined.addAll(Arrays.asList(patterns));
    return new WeightCompatibility(combined, optionalKeys, explainer);
  }

  /**
   * Returns a copy that accepts weights lacking these expected keys; the report lists them as
   * defaulted so that the loader keeps the model's initial value. A present optional key must
   * still have the expected shape.
   */
  public WeightCompatibility withOptionalKeys(String... keys) {
    Set<String> combined = new LinkedHashSet<>(optionalKeys);
    combined.addAll(Arrays.asList(keys));
    return new WeightCompatibility(ignorePatterns, combined, explainer);
  }

  /** Returns a copy that calls {@code shapeExplainer} for each shape mismatch. */
  public WeightCompatibility withShapeExplainer(ShapeMismatchExplainer shapeExplainer) {
    return new WeightCompatibility(ignorePatterns, optionalKeys, shapeExplainer);
  }

  /** Compares the model's expected shapes (name to PyTorch-order shape) with the weights. */
  public CompatibilityReport check(Map<String, long[]> expectedShapes, StateDict weights) {
    List<String> missing = new ArrayList<>();
    List<String> defaulted = new ArrayList<>();
    List<ShapeMismatch> misshaped = new ArrayList<>();
    for (Map.Entry<String, long[]> expected : expectedShapes.entrySet()) {
      String name = expected.getKey();
      if (!weights.contains(name)) {
        (optionalKeys.contains(name) ? defaulted : missing).add(name);
        continue;
      }
      long[] actual = weights.get(name).shape();
      if (!Arrays.equals(expected.getValue(), actual)) {
        misshaped.add(new ShapeMismatch(
            name, expected.getValue(), actual, explainer.explain(name, expected.getValue(), actual)));
      }
    }

    List<String> unexpected = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (String name : weights.names()) {
      if (!expectedShapes.containsKey(name)) {
        (isIgnored(name) ? ignored : unexpected).add(name);
      }
    }
    return new CompatibilityReport(missing, unexpected, misshaped, defaulted, ignored);
  }

  /**
   * Checks like {@link #check} and throws when any key is missing, unexpected or of another shape.
   *
   * @throws WeightMismatchException listing every problem, so that one run shows all of them
   */
  public CompatibilityReport requireExact(Map<String, long[]> expectedShapes, StateDict weights) {
    CompatibilityReport report = check(expectedShapes, weights);
    if (!report.isExact()) {
      throw new WeightMismatchException(report);
    }
    return report;
  }

  private boolean isIgnored(String name) {
    for (Pattern pattern : ignoreRegexes) {
      if (pattern.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String literal : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString());
  }
}
