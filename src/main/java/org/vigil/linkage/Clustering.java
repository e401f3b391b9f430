package org.vigil.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Links a whole file of reports at once, in two steps.
 *
 * <ol>
 *   <li>Every pair of reports that shares a blocking key is scored, in parallel; the pairs at or
 *       above the merge threshold are kept.
 *   <li>Kept pairs are taken strongest first, and each joins its two reports' persons unless the
 *       persons contradict each other (a man and a woman, birth years more than two apart,
 *       different patronymics or given names) or, when both have several reports, samples of their
 *       reports do not resemble each other on average. This stops the chains by which plain single
 *       linkage merges namesakes (Иван Иванов b. 1990 ~ "Иван Иванов" ~ Иван Иванов b. 1975).
 * </ol>
 *
 * <p>The result does not depend on the order of the input: term frequencies are taken over the
 * whole set, the kept pairs depend only on the set, and pairs of equal strength are taken in the
 * order of their report ids.
 */
final class Clustering {
  /**
   * The outcome.
   *
   * @param component for each report, the index of one report of its person, the same for all
   * @param reviewPairs pairs in the grey zone, or kept but contradicted, whose reports ended up in
   *     different persons
   * @param comparisons pairs scored
   * @param skippedBlocks blocks too large to compare pair by pair (their pairs are not linked)
   */
  record Result(int[] component, long reviewPairs, long comparisons, int skippedBlocks) {}

  private static final int INDEX_BITS = Blocks.INDEX_BITS;
  private static final long INDEX_MASK = Blocks.INDEX_MASK;

  /** Scores are kept to a hundredth, below this ceiling, in the top bits of a sort key. */
  private static final double SCORE_CEILING = 300;

  private static final int SCORE_STEPS = 100;

  private Clustering() {}

  static Result cluster(List<ReportFacts> reports) {
    return cluster(
        reports.parallelStream().map(Evidence::of).toList(),
        reports.stream().map(ReportFacts::reportId).toList(),
        Thresholds.BATCH);
  }

  /** Names each person after its smallest report id, as independent of input order as it is. */
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

  static Result cluster(List<Evidence> reports, List<String> reportIds, Thresholds thresholds) {
    Blocks blocks = Blocks.of(reports);
    Frequencies frequencies = new Frequencies();
    reports.forEach(frequencies::add);
    Scorer scorer = new Scorer(frequencies);
    int[] rank = ranks(reportIds);
    int[] bounds = blocks.bounds();
    PairScoring scoring = new PairScoring(reports, scorer, thresholds, rank, blocks);
    IntStream.range(0, bounds.length / 2)
        .parallel()
        .forEach(b -> scoring.scoreBlock(bounds[2 * b], bounds[2 * b + 1]));
    Persons persons = new Persons(reports, scorer, thresholds.resemblance());
    scoring.grey.add(joinStrongestFirst(sortedUnique(scoring.strong), rank, persons));
    long[] greyPairs = sortedUnique(scoring.grey);
    for (int round = 0; round < Fragments.ROUNDS; round++) {
      Fragments.attach(reports, scorer, rank, blocks, persons);
    }
    int[] component =
        Fragments.moveMisplacedReports(reports, scorer, rank, blocks, persons.components());
    return new Result(
        component,
        countReviewPairs(greyPairs, component),
        scoring.comparisons.sum(),
        scoring.skipped.intValue());
  }

  /**
   * Joins the persons of each strong pair, strongest first; returns the pairs whose persons
   * contradicted each other and stayed apart.
   */
  private static long[] joinStrongestFirst(long[] sortKeys, int[] rank, Persons persons) {
    int[] byRank = new int[rank.length];
    for (int i = 0; i < rank.length; i++) {
      byRank[rank[i]] = i;
    }
    LongList contradicted = new LongList();
    for (long key : sortKeys) {
      int a = byRank[(int) ((key >>> INDEX_BITS) & INDEX_MASK)];
      int c = byRank[(int) (key & INDEX_MASK)];
      if (!persons.join(a, c)) {
        contradicted.add(pair(a, c));
      }
    }
    return contradicted.toArray();
  }

  /** Scores the pairs of blocks, from many threads at once, and gathers strong and grey pairs. */
  private static final class PairScoring {
    final ConcurrentLinkedQueue<long[]> strong = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<long[]> grey = new ConcurrentLinkedQueue<>();
    final LongAdder comparisons = new LongAdder();
    final LongAdder skipped = new LongAdder();
    private final List<Evidence> reports;
    private final Scorer scorer;
    private final Thresholds thresholds;
    private final int[] rank;
    private final Blocks blocks;

    PairScoring(
        List<Evidence> reports, Scorer scorer, Thresholds thresholds, int[] rank, Blocks blocks) {
      this.reports = reports;
      this.scorer = scorer;
      this.thresholds = thresholds;
      this.rank = rank;
      this.blocks = blocks;
    }

    void scoreBlock(int from, int to) {
      if (to - from > Blocks.MAX_BLOCK) {
        skipped.increment();
        return;
      }
      LongList strongPairs = new LongList();
      LongList greyPairs = new LongList();
      long block = blocks.block(from);
      long scored = 0;
      for (int x = from; x < to; x++) {
        int a = blocks.report(x);
        for (int y = x + 1; y < to; y++) {
          int c = blocks.report(y);
          if (!blocks.sharedEarlier(a, c, block)) {
            scored++;
            double score = scorer.score(reports.get(a), reports.get(c));
            if (score >= thresholds.merge()) {
              strongPairs.add(sortKey(score, rank[a], rank[c]));
            } else if (score >= thresholds.review()) {
              greyPairs.add(pair(a, c));
            }
          }
        }
      }
      comparisons.add(scored);
      strong.add(strongPairs.toArray());
      grey.add(greyPairs.toArray());
    }
  }

  /** Each report's position among the report ids in sorted order. */
  static int[] ranks(List<String> reportIds) {
    Integer[] order = new Integer[reportIds.size()];
    Arrays.setAll(order, i -> i);
    Arrays.parallelSort(order, Comparator.comparing(reportIds::get));
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  /** Strongest first, then by report ids: score in the top bits, then both ranks. */
  private static long sortKey(double score, int rankA, int rankB) {
    long weakness = (long) ((SCORE_CEILING - Math.min(score, SCORE_CEILING)) * SCORE_STEPS);
    long low = Math.min(rankA, rankB);
    long high = Math.max(rankA, rankB);
    return (weakness << (2 * INDEX_BITS)) | (low << INDEX_BITS) | high;
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static long[] sortedUnique(ConcurrentLinkedQueue<long[]> parts) {
    long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.parallelSort(all);
    int unique = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[unique++] = all[i];
      }
    }
    return Arrays.copyOf(all, unique);
  }

  private static long countReviewPairs(long[] grey, int[] component) {
    long count = 0;
    for (long pair : grey) {
      if (component[(int) (pair >>> 32)] != component[(int) pair]) {
        count++;
      }
    }
    return count;
  }
}
