package org.vigil.linkage;

/**
 * Jaro–Winkler similarity of two keys: the usual measure for typos in names, since it forgives a
 * transposed or missed letter and rewards a shared beginning.
 */
final class Similarity {
  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private Similarity() {}

  static double jaroWinkler(String a, String b) {
    double jaro = jaro(a, b);
    int prefix = 0;
    while (prefix < Math.min(MAX_PREFIX, Math.min(a.length(), b.length()))
        && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1 - jaro);
  }

  private static double jaro(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b) ? 1 : 0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] aMatched = new boolean[a.length()];
    boolean[] bMatched = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
          aMatched[i] = true;
          bMatched[j] = true;
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
      if (aMatched[i]) {
        while (!bMatched[j]) {
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
    if (a.equals(b)) {
      return false;
    }
    int prefix = 0;
    int shorter = Math.min(a.length(), b.length());
    while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    String restA = a.substring(prefix);
    String restB = b.substring(prefix);
    if (restA.length() == restB.length()) {
      boolean substitution = restA.substring(1).equals(restB.substring(1));
      boolean swap =
          restA.length() >= 2
              && restA.charAt(0) == restB.charAt(1)
              && restA.charAt(1) == restB.charAt(0)
              && restA.substring(2).equals(restB.substring(2));
      return substitution || swap;
    }
    if (restA.length() == restB.length() + 1) {
      return restA.substring(1).equals(restB);
    }
    return restB.length() == restA.length() + 1 && restB.substring(1).equals(restA);
  }
}
