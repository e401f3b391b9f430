package org.vigil.linkage;

/**
 * Where the match score (log2 likelihood ratio) turns a pair of reports into one person.
 *
 * @param merge at or above this, the reports are merged without review
 * @param review at or above this and below merge, a person has to decide
 * @param resemblance the mean score that samples of two persons' reports must reach against each
 *     other before a strong pair may join the two persons (batch linkage)
 */
record Thresholds(double merge, double review, double resemblance) {
  /** For intake, one report at a time; set from runs on generated data, see docs/linkage.md. */
  static final Thresholds DEFAULT = new Thresholds(15, 8, 12);

  /**
   * For batch linkage, where pairs only seed persons: a pair must be stronger before it joins two
   * persons, since the persons as a whole are weighed against each other afterwards ({@link
   * Fragments}) and catch what the stricter pairs leave apart. Set from runs on 10,000 to 100,000
   * generated persons; see docs/linkage.md.
   */
  static final Thresholds BATCH = new Thresholds(18, 8, 12);
}
