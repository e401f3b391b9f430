package org.vigil.linkage;

import java.util.Arrays;

/** A growable list of longs, for pairs of report indexes without boxing. */
final class LongList {
  private long[] values = new long[4];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
