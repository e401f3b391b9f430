package org.vigil.linkage;

/**
 * Jaro–Winkler similarity of two keys: the usual measure for typos in names, since it forgives a
 * transposed or missed letter and rewards a shared beginning.
 */
final class Similarity {
  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  /** Above this Jaro–Winkler similarity two name keys count as one name with a typo. */
  private static final double TYPO_FLOOR = 0.92;

  private Similarity() {}

  /**
   * Whether two different keys are one name with a typo: one edit apart (a dropped, doubled,
   * swapped or wrong letter, however short the name), or close by Jaro–Winkler.
   */
  static boolean typo(String a, String b) {
    return oneEditApart(a, b) || (mayReachFloor(a, b) && jaroWinkler(a, b) >= TYPO_FLOOR);
  }

  /**
   * Whether the lengths alone leave Jaro–Winkler room to reach the floor: at best every letter of
   * the shorter word matches, in order, and the longest prefix is shared.
   */
  private static boolean mayReachFloor(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    int longer = Math.max(a.length(), b.length());
    if (shorter == 0) {
      return false;
    }
    double jaro = (1 + (double) shorter / longer + 1) / 3;
    int prefix = Math.min(MAX_PREFIX, shorter);
    return jaro + prefix * PREFIX_SCALE * (1 - jaro) >= TYPO_FLOOR;
  }

  /**
   * Looser than {@link #typo}: also two edits apart, for words of five letters or more. For
   * patronymics, where a typo in the Cyrillic word (Иоанович, Виктроовна) can become two
   * differences once romanised and folded, and where a near miss between two fathers' names is
   * rare.
   */
  static boolean nearly(String a, String b) {
    return typo(a, b)
        || (Math.min(a.length(), b.length()) >= NEARLY_MIN_LENGTH && withinTwoEdits(a, b));
  }

  private static final int NEARLY_MIN_LENGTH = 5;

  /** Levenshtein distance at most 2, by dynamic programming on a narrow band. */
  static boolean withinTwoEdits(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return false;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > 2) {
        return false;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= 2;
  }

  static double jaroWinkler(String a, String b) {
    double jaro = jaro(a, b);
    int prefix = 0;
    while (prefix < Math.min(MAX_PREFIX, Math.min(a.length(), b.length()))
        && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1 - jaro);
  }

  /** Jaro similarity; matched letters are marked in bit masks, so nothing is allocated. */
  private static double jaro(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b) ? 1 : 0;
    }
    if (a.length() > Long.SIZE || b.length() > Long.SIZE) {
      return a.equals(b) ? 1 : 0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    long aMatched = 0;
    long bMatched = 0;
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if ((bMatched & (1L << j)) == 0 && a.charAt(i) == b.charAt(j)) {
          aMatched |= 1L << i;
          bMatched |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      if ((aMatched & (1L << i)) != 0) {
        while ((bMatched & (1L << j)) == 0) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    double m = matches;
    return (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
  }

  /** Whether one deletion, insertion, substitution or swap of neighbours turns a into b. */
  static boolean oneEditApart(String a, String b) {
    if (a.length() < b.length()) {
      return oneEditApart(b, a);
    }
    if (a.length() - b.length() > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() > b.length()) {
      return a.regionMatches(i + 1, b, i, b.length() - i);
    }
    boolean substitution = a.regionMatches(i + 1, b, i + 1, b.length() - i - 1);
    boolean swap =
        i + 1 < a.length()
            && a.charAt(i) == b.charAt(i + 1)
            && a.charAt(i + 1) == b.charAt(i)
            && a.regionMatches(i + 2, b, i + 2, b.length() - i - 2);
    return substitution || swap;
  }
}
