package io.rsitr.plugins.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes distinct captions that describe a synthetic scene correctly.
 *
 * <p>Every caption names the main shape's colour and kind, which makes them the signal a model
 * can learn first; templates vary which other facts they add (size, position, ground, other
 * shapes and how they relate to the main one). Single-shape scenes already give more than
 * {@link #MAX_CAPTIONS_PER_IMAGE} distinct captions.
 */
final class SceneCaptioner {

  /** Upper limit of {@code captions_per_image}. */
  static final int MAX_CAPTIONS_PER_IMAGE = 10;

  private static final List<String> LARGE_WORDS = List.of("large", "big");
  private static final List<String> SMALL_WORDS = List.of("small", "little");
  private static final List<String> COUNT_WORDS = List.of("zero", "one", "two", "three", "four");

  private SceneCaptioner() {}

  /**
   * Returns {@code count} distinct captions of the scene, chosen and ordered by {@code seed}.
   *
   * @throws IllegalArgumentException when {@code count} is outside 1..{@link #MAX_CAPTIONS_PER_IMAGE}
   */
  static List<String> write(SyntheticScene scene, int count, long seed) {
    if (count < 1 || count > MAX_CAPTIONS_PER_IMAGE) {
      throw new IllegalArgumentException(
          "captions_per_image must be between 1 and " + MAX_CAPTIONS_PER_IMAGE + ", got " + count);
    }
    List<String> candidates = new ArrayList<>(candidates(scene));
    Collections.shuffle(candidates, new Random(seed));
    return List.copyOf(candidates.subList(0, count));
  }

  /** Returns every caption the templates give for the scene, without repeats. */
  static Set<String> candidates(SyntheticScene scene) {
    Set<String> captions = new LinkedHashSet<>();
    addMainShapeCaptions(scene, captions);
    if (scene.otherShapes().isEmpty()) {
      addSingleShapeCaptions(scene, captions);
    } else {
      addRelationCaptions(scene, captions);
    }
    return captions;
  }

  private static void addMainShapeCaptions(SyntheticScene scene, Set<String> captions) {
    SceneShape main = scene.mainShape();
    String mainPhrase = withArticle(main.colorAndKind());
    String position = main.cell().positionPhrase();

    captions.add(mainPhrase);
    captions.add(mainPhrase + " " + position);
    captions.add("there is " + mainPhrase + " " + position);
    captions.add("the " + main.colorAndKind() + " is " + position);
    captions.add(withArticle(main.kind().word()) + " painted " + main.color().word() + " " + position);
    captions.add("a picture of " + mainPhrase);
    for (String size : LARGE_WORDS) {
      String sizedPhrase = withArticle(size + " " + main.colorAndKind());
      captions.add(sizedPhrase);
      captions.add("there is " + sizedPhrase + " " + position);
      for (String ground : scene.ground().phrases()) {
        captions.add(sizedPhrase + " " + position + " on " + ground);
      }
    }
    for (String ground : scene.ground().phrases()) {
      captions.add(mainPhrase + " on " + ground);
      captions.add(ground + " with " + mainPhrase);
    }
  }

  private static void addSingleShapeCaptions(SyntheticScene scene, Set<String> captions) {
    String mainKind = scene.mainShape().colorAndKind();
    captions.add("a single " + mainKind);
    for (String ground : scene.ground().phrases()) {
      captions.add("only one shape on " + ground + ": " + withArticle(mainKind));
    }
  }

  private static void addRelationCaptions(SyntheticScene scene, Set<String> captions) {
    SceneShape main = scene.mainShape();
    String mainPhrase = withArticle(main.colorAndKind());
    String countWord = COUNT_WORDS.get(scene.shapes().size());

    for (String ground : scene.ground().phrases()) {
      captions.add(countWord + " shapes on " + ground + " and the largest is " + mainPhrase);
    }
    for (SceneShape other : scene.otherShapes()) {
      String otherPhrase = withArticle(other.colorAndKind());
      captions.add(mainPhrase + " next to " + otherPhrase);
      for (String relation : relations(main.cell(), other.cell())) {
        captions.add(mainPhrase + " " + relation + " " + otherPhrase);
      }
      for (String size : SMALL_WORDS) {
        captions.add(mainPhrase + " and " + withArticle(size + " " + other.colorAndKind()) + " "
            + other.cell().positionPhrase());
      }
    }
  }

  /** Returns every true spatial relation of cell {@code a} to cell {@code b}, for example "left of". */
  static List<String> relations(GridCell a, GridCell b) {
    List<String> relations = new ArrayList<>(2);
    if (a.column() < b.column()) {
      relations.add("left of");
    } else if (a.column() > b.column()) {
      relations.add("right of");
    }
    if (a.row() < b.row()) {
      relations.add("above");
    } else if (a.row() > b.row()) {
      relations.add("below");
    }
    return relations;
  }

  private static String withArticle(String phrase) {
    char first = phrase.charAt(0);
    boolean vowel = "aeiou".indexOf(first) >= 0;
    return (vowel ? "an " : "a ") + phrase;
  }
}
