package org.vigil.linkage;

/**
 * What the birth years given by two persons' reports say about whether they are one person: the
 * log2 likelihood ratio of one true birth year behind all the reports against two independent ones.
 * Each report gives the true year, or a year off by one, or (rarely) anything else; true years are
 * drawn from the years' shares among all reports. This weighs every report: three reports of 2005
 * against two of 2004 are two people far more likely than one report of each.
 */
final class BirthYears {
  /**
   * A report gives the right year, or one off by one either way, or (about one report in 140) any
   * other of some seventy years: as the pair scorer's m-probabilities, split per year.
   */
  private static final double RIGHT = 0.93;

  private static final double OFF_BY_ONE = 0.035;
  private static final double WRONG = 0.0001;

  private BirthYears() {}

  /**
   * @param a (year, count) pairs of one person's reports
   * @param b the same for the other person
   * @return log2 of P(years | one person) / P(years | two persons), 0 if either gave no year
   */
  static double logRatio(int[] a, int[] b, Frequencies frequencies) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    double together = 0;
    double alone = 0;
    double aloneB = 0;
    // barring a wild error, the true year lies within one of some given year
    int to = Math.max(highest(a), highest(b)) + 1;
    for (int y = Math.min(lowest(a), lowest(b)) - 1; y <= to; y++) {
      double prior = frequencies.share(Frequencies.Field.YEAR, y);
      double la = likelihood(a, y);
      double lb = likelihood(b, y);
      together += prior * la * lb;
      alone += prior * la;
      aloneB += prior * lb;
    }
    return log2(together / (alone * aloneB));
  }

  /** The (year, count) pairs with one report of the given year taken out. */
  static int[] withoutOne(int[] counts, int year) {
    for (int i = 0; i < counts.length; i += 2) {
      if (counts[i] == year) {
        if (counts[i + 1] > 1) {
          int[] fewer = counts.clone();
          fewer[i + 1]--;
          return fewer;
        }
        int[] rest = new int[counts.length - 2];
        System.arraycopy(counts, 0, rest, 0, i);
        System.arraycopy(counts, i + 2, rest, i, counts.length - i - 2);
        return rest;
      }
    }
    return counts;
  }

  private static int lowest(int[] counts) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < counts.length; i += 2) {
      min = Math.min(min, counts[i]);
    }
    return min;
  }

  private static int highest(int[] counts) {
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < counts.length; i += 2) {
      max = Math.max(max, counts[i]);
    }
    return max;
  }

  private static double likelihood(int[] counts, int trueYear) {
    double p = 1;
    for (int i = 0; i < counts.length; i += 2) {
      int gap = Math.abs(counts[i] - trueYear);
      double each = gap == 0 ? RIGHT : gap == 1 ? OFF_BY_ONE : WRONG;
      p *= Math.pow(each, counts[i + 1]);
    }
    return p;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
