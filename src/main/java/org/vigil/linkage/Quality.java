package org.vigil.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a clustering matches the truth, in the two usual measures: pairwise (over all pairs of
 * reports put together; large clusters weigh quadratically) and B-cubed (averaged over reports).
 * Only reports present in both are counted, also in the numbers of persons found and true: the
 * count of people is what the press quotes, so it is shown beside the pairwise measures.
 */
record Quality(
    double pairPrecision,
    double pairRecall,
    double pairF1,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1,
    int reports,
    int personsFound,
    int personsTrue) {

  static Quality of(List<String> reportIds, List<String> predicted, Map<String, String> truth) {
    Map<String, Integer> predictedSize = new HashMap<>();
    Map<String, Integer> trueSize = new HashMap<>();
    Map<String, Integer> overlap = new HashMap<>();
    int n = 0;
    for (int i = 0; i < reportIds.size(); i++) {
      String actual = truth.get(reportIds.get(i));
      if (actual != null) {
        n++;
        predictedSize.merge(predicted.get(i), 1, Integer::sum);
        trueSize.merge(actual, 1, Integer::sum);
        overlap.merge(predicted.get(i) + '\u0000' + actual, 1, Integer::sum);
      }
    }
    double together = pairs(overlap);
    double pairPrecision = ratio(together, pairs(predictedSize));
    double pairRecall = ratio(together, pairs(trueSize));
    double bPrecision = 0;
    double bRecall = 0;
    for (Map.Entry<String, Integer> cell : overlap.entrySet()) {
      String[] ids = cell.getKey().split("\u0000", 2);
      double k = cell.getValue();
      // each of the k reports in this cell has precision k/|predicted| and recall k/|true|
      bPrecision += k * k / predictedSize.get(ids[0]);
      bRecall += k * k / trueSize.get(ids[1]);
    }
    bPrecision = n == 0 ? 1 : bPrecision / n;
    bRecall = n == 0 ? 1 : bRecall / n;
    return new Quality(
        pairPrecision,
        pairRecall,
        f1(pairPrecision, pairRecall),
        bPrecision,
        bRecall,
        f1(bPrecision, bRecall),
        n,
        predictedSize.size(),
        trueSize.size());
  }

  private static double pairs(Map<String, Integer> sizes) {
    double sum = 0;
    for (int size : sizes.values()) {
      sum += (double) size * (size - 1) / 2;
    }
    return sum;
  }

  private static double ratio(double part, double whole) {
    return whole == 0 ? 1 : part / whole;
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
