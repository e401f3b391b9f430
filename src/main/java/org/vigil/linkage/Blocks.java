package org.vigil.linkage;

import java.util.Arrays;
import java.util.List;

/**
 * The blocks of a batch: every report's blocking keys, all of them sorted so that each block is one
 * run of reports, and for each key of each report where its run lies. Knowing the run saves the
 * persons step two binary searches over millions of keys, each a chain of cache misses, for every
 * key of every report it weighs.
 */
final class Blocks {
  /** Larger blocks would cost quadratic time for little gain; they are reported, not compared. */
  static final int MAX_BLOCK = 5_000;

  static final int INDEX_BITS = 24;
  static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  /** The run of a block larger than {@link #MAX_BLOCK}: empty. */
  static final long TOO_LARGE = 0;

  /** Per report, (40-bit key hash, 24-bit report index) for each of its blocking keys. */
  private final long[][] keysOf;

  /** All reports' keys, sorted so that each block is one run. */
  private final long[] keyed;

  /** Per report and key, the run of its block in {@link #keyed}: (from << 32) | to. */
  private final long[][] runOf;

  /** Each block of two or more reports as a (from, to) pair of offsets, flattened. */
  private final int[] bounds;

  private Blocks(long[][] keysOf, long[] keyed) {
    this.keysOf = keysOf;
    this.keyed = keyed;
    this.runOf = new long[keysOf.length][];
    for (int i = 0; i < keysOf.length; i++) {
      runOf[i] = new long[keysOf[i].length];
    }
    IntList shared = new IntList();
    int from = 0;
    for (int x = 1; x <= keyed.length; x++) {
      if (x == keyed.length || block(x) != block(from)) {
        if (x - from >= 2) {
          shared.add(from);
          shared.add(x);
        }
        recordRun(from, x);
        from = x;
      }
    }
    this.bounds = shared.toArray();
  }

  static Blocks of(List<Evidence> reports) {
    if (reports.size() > INDEX_MASK) {
      throw new IllegalArgumentException("at most " + INDEX_MASK + " reports in one run");
    }
    long[][] keysOf = new long[reports.size()][];
    Parallel.forEach(
        reports.size(),
        i -> {
          List<String> keys = Blocking.keys(reports.get(i));
          long[] packed = new long[keys.size()];
          for (int k = 0; k < packed.length; k++) {
            packed[k] = (hash(keys.get(k)) << INDEX_BITS) | i;
          }
          keysOf[i] = packed;
        });
    long[] keyed = new long[Arrays.stream(keysOf).mapToInt(a -> a.length).sum()];
    int at = 0;
    for (long[] packed : keysOf) {
      System.arraycopy(packed, 0, keyed, at, packed.length);
      at += packed.length;
    }
    Arrays.parallelSort(keyed);
    return new Blocks(keysOf, keyed);
  }

  /** Each block of two or more reports as a (from, to) pair of offsets, flattened. */
  int[] bounds() {
    return bounds;
  }

  /** The block (its key's hash) of the entry at this offset. */
  long block(int offset) {
    return keyed[offset] >>> INDEX_BITS;
  }

  /** The report of the entry at this offset. */
  int report(int offset) {
    return (int) (keyed[offset] & INDEX_MASK);
  }

  /**
   * The runs of the report's blocks, each (from << 32) | to, or {@link #TOO_LARGE}, in the order of
   * its keys.
   */
  long[] runsOf(int report) {
    return runOf[report];
  }

  static int from(long run) {
    return (int) (run >>> 32);
  }

  static int to(long run) {
    return (int) run;
  }

  /**
   * Whether two reports share a block that sorts before this one, where their pair is scored
   * instead: each pair is scored once, however many keys it shares.
   */
  boolean sharedEarlier(int a, int b, long block) {
    for (long ka : keysOf[a]) {
      long hash = ka >>> INDEX_BITS;
      if (hash < block) {
        for (long kb : keysOf[b]) {
          if (kb >>> INDEX_BITS == hash) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Tells each report in the block at [from, to) where it lies, or that it is too large. */
  private void recordRun(int from, int to) {
    long run = to - from > MAX_BLOCK ? TOO_LARGE : ((long) from << 32) | to;
    for (int y = from; y < to; y++) {
      long[] keys = keysOf[report(y)];
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] == keyed[y]) {
          runOf[report(y)][k] = run;
        }
      }
    }
  }

  /** 64-bit FNV-1a, of which the top 40 bits name a block. */
  private static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h >>> INDEX_BITS;
  }
}
