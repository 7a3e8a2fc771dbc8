package io.rsitr.spec;

import java.util.Collection;
import java.util.Locale;

/** Finds the valid key or value nearest to a misspelt one, for "did you mean" hints. */
final class Suggestions {

  private Suggestions() {}

  /**
   * Returns the candidate nearest to {@code input} by Damerau-Levenshtein distance (optimal string
   * alignment, ignoring case), or {@code null} when none is close. Close means a distance of at most
   * 2, or at most 1 for candidates of up to 3 characters, where 2 edits would change most of the word.
   * Ties go to the earlier candidate.
   */
  static String nearest(String input, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String needle = input.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
      int limit = candidate.length() <= 3 ? 1 : 2;
      if (distance <= limit && distance < bestDistance && !candidate.equals(input)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Returns the optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
