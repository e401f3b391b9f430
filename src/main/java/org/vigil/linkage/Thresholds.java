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
  /** Set from runs on generated data; see docs/linkage.md. */
  static final Thresholds DEFAULT = new Thresholds(15, 8, 12);
}
