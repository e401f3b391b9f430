package org.vigil.linkage;

/** What a name tells about its bearer's sex; a conflict between two reports rules out a match. */
enum Sex {
  MALE,
  FEMALE,
  UNKNOWN;

  boolean conflictsWith(Sex other) {
    return this != UNKNOWN && other != UNKNOWN && this != other;
  }
}
