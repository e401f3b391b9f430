package org.vigil.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each value of a field occurs among known reports: the term frequencies behind the
 * u-probabilities of the Fellegi–Sunter model. Two reports that agree on "Иванов" agree on
 * something that chance produces often, so the agreement is worth less than one on "Навальный".
 *
 * <p>Shares are smoothed towards a prior share, so a young database with few reports does not take
 * its first surnames for rare ones.
 */
final class Frequencies {
  enum Field {
    SURNAME(0.002),
    GIVEN(0.02),
    CITY(0.05),
    DAY(0.05),
    STATION(0.01);

    private final double priorShare;

    Field(double priorShare) {
      this.priorShare = priorShare;
    }
  }

  /** How many reports' worth of weight the prior share carries. */
  private static final double PRIOR_WEIGHT = 100;

  private final List<Map<Object, Integer>> counts = new ArrayList<>();
  private final int[] totals = new int[Field.values().length];

  Frequencies() {
    for (int i = 0; i < Field.values().length; i++) {
      counts.add(new HashMap<>());
    }
  }

  void add(Evidence report) {
    PersonName name = report.name();
    count(Field.SURNAME, name.surname());
    name.given().forEach(g -> count(Field.GIVEN, g));
    count(Field.CITY, report.city());
    if (report.day() != Evidence.UNKNOWN) {
      count(Field.DAY, report.day());
    }
    count(Field.STATION, report.station());
  }

  /** The chance that a random report has this value: the u-probability of agreeing on it. */
  double share(Field field, Object value) {
    int count = counts.get(field.ordinal()).getOrDefault(value, 0);
    return (count + PRIOR_WEIGHT * field.priorShare) / (totals[field.ordinal()] + PRIOR_WEIGHT);
  }

  private void count(Field field, Object value) {
    if (!"".equals(value)) {
      counts.get(field.ordinal()).merge(value, 1, Integer::sum);
      totals[field.ordinal()]++;
    }
  }
}
