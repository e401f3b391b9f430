package org.vigil.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Links a whole file of reports at once. Persons are the connected components of the graph whose
 * edges are the pairs of reports scoring at or above the merge threshold, among the pairs that
 * share a blocking key. That graph depends only on the set of reports, never on their order, so
 * neither does the result; term frequencies are taken over the whole set for the same reason.
 *
 * <p>For speed: blocking keys are hashed into one sorted array of longs, blocks are scored in
 * parallel, and a pair whose reports are already joined is not scored at all, since another edge
 * between them cannot change a component.
 */
final class Clustering {
  /**
   * The outcome.
   *
   * @param component for each report, the index of one report of its person, the same for all
   * @param reviewPairs pairs in the grey zone whose reports ended up in different persons
   * @param comparisons pairs scored
   * @param skippedBlocks blocks too large to compare pair by pair (their pairs are not linked)
   */
  record Result(int[] component, long reviewPairs, long comparisons, int skippedBlocks) {}

  /** Larger blocks would cost quadratic time for little gain; they are reported, not compared. */
  static final int MAX_BLOCK = 5_000;

  private static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  private Clustering() {}

  /**
   * Links reports into persons and names each person after its smallest report id, which makes the
   * names as independent of the input order as the persons are.
   */
  static List<String> personIds(List<ReportFacts> reports, Result result) {
    String[] smallest = new String[reports.size()];
    for (int i = 0; i < reports.size(); i++) {
      int root = result.component()[i];
      String id = reports.get(i).reportId();
      if (smallest[root] == null || id.compareTo(smallest[root]) < 0) {
        smallest[root] = id;
      }
    }
    List<String> ids = new ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      ids.add("P-" + smallest[result.component()[i]]);
    }
    return ids;
  }

  static Result cluster(List<ReportFacts> reports) {
    return cluster(reports.parallelStream().map(Evidence::of).toList(), Thresholds.DEFAULT);
  }

  static Result cluster(List<Evidence> reports, Thresholds thresholds) {
    if (reports.size() > INDEX_MASK) {
      throw new IllegalArgumentException("at most " + INDEX_MASK + " reports in one run");
    }
    Frequencies frequencies = new Frequencies();
    reports.forEach(frequencies::add);
    Scorer scorer = new Scorer(frequencies);
    long[] keyed = blockingKeys(reports);
    int[] blocks = blocks(keyed);
    Components components = new Components(reports.size());
    ConcurrentLinkedQueue<long[]> grey = new ConcurrentLinkedQueue<>();
    LongAdder comparisons = new LongAdder();
    LongAdder skipped = new LongAdder();
    IntStream.range(0, blocks.length / 2)
        .parallel()
        .forEach(
            b -> {
              int from = blocks[2 * b];
              int to = blocks[2 * b + 1];
              if (to - from > MAX_BLOCK) {
                skipped.increment();
                return;
              }
              LongList greyPairs = new LongList();
              comparisons.add(
                  linkBlock(keyed, from, to, reports, scorer, thresholds, components, greyPairs));
              if (greyPairs.size() > 0) {
                grey.add(greyPairs.toArray());
              }
            });
    int[] component = components.roots();
    return new Result(
        component, countReviewPairs(grey, component), comparisons.sum(), skipped.intValue());
  }

  /** (40-bit key hash, 24-bit report index) per key, sorted so that each block is one run. */
  private static long[] blockingKeys(List<Evidence> reports) {
    long[][] perReport = new long[reports.size()][];
    IntStream.range(0, reports.size())
        .parallel()
        .forEach(
            i -> {
              List<String> keys = Blocking.keys(reports.get(i));
              long[] packed = new long[keys.size()];
              for (int k = 0; k < packed.length; k++) {
                packed[k] = (hash(keys.get(k)) << INDEX_BITS) | i;
              }
              perReport[i] = packed;
            });
    long[] all = new long[Arrays.stream(perReport).mapToInt(a -> a.length).sum()];
    int at = 0;
    for (long[] packed : perReport) {
      System.arraycopy(packed, 0, all, at, packed.length);
      at += packed.length;
    }
    Arrays.parallelSort(all);
    return all;
  }

  /** Each block as a (from, to) pair of offsets into the sorted keys, flattened. */
  private static int[] blocks(long[] keyed) {
    IntList bounds = new IntList();
    int from = 0;
    for (int i = 1; i <= keyed.length; i++) {
      if (i == keyed.length || keyed[i] >>> INDEX_BITS != keyed[from] >>> INDEX_BITS) {
        if (i - from >= 2) {
          bounds.add(from);
          bounds.add(i);
        }
        from = i;
      }
    }
    return bounds.toArray();
  }

  private static long countReviewPairs(ConcurrentLinkedQueue<long[]> grey, int[] component) {
    long[] pairs = grey.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.parallelSort(pairs);
    long count = 0;
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0 && pairs[i] == pairs[i - 1]) {
        continue;
      }
      if (component[(int) (pairs[i] >>> 32)] != component[(int) pairs[i]]) {
        count++;
      }
    }
    return count;
  }

  /** Scores the pairs of one block that are not joined yet; returns how many it scored. */
  private static long linkBlock(
      long[] keyed,
      int from,
      int to,
      List<Evidence> reports,
      Scorer scorer,
      Thresholds thresholds,
      Components components,
      LongList greyPairs) {
    long scored = 0;
    for (int x = from; x < to; x++) {
      int a = (int) (keyed[x] & INDEX_MASK);
      for (int y = x + 1; y < to; y++) {
        int b = (int) (keyed[y] & INDEX_MASK);
        if (components.find(a) == components.find(b)) {
          continue;
        }
        double score = scorer.score(reports.get(a), reports.get(b));
        scored++;
        if (score >= thresholds.merge()) {
          components.union(a, b);
        } else if (score >= thresholds.review()) {
          greyPairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
        }
      }
    }
    return scored;
  }

  /**
   * Union–find that many threads may use at once without locks: a root is only ever linked under a
   * smaller index, by compare-and-set, so no cycle can form and no union is lost.
   */
  private static final class Components {
    private final AtomicIntegerArray parent;

    Components(int size) {
      parent = new AtomicIntegerArray(size);
      for (int i = 0; i < size; i++) {
        parent.set(i, i);
      }
    }

    int find(int x) {
      int node = x;
      while (true) {
        int p = parent.get(node);
        if (p == node) {
          return node;
        }
        int grandparent = parent.get(p);
        parent.compareAndSet(node, p, grandparent);
        node = p;
      }
    }

    void union(int a, int b) {
      while (true) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
          return;
        }
        int low = Math.min(ra, rb);
        int high = Math.max(ra, rb);
        if (parent.compareAndSet(high, high, low)) {
          return;
        }
      }
    }

    int[] roots() {
      int[] roots = new int[parent.length()];
      for (int i = 0; i < roots.length; i++) {
        roots[i] = find(i);
      }
      return roots;
    }
  }

  /** 64-bit FNV-1a, whose top 40 bits name a block. */
  private static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h >>> INDEX_BITS;
  }
}
