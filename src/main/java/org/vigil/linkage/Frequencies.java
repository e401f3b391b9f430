package org.vigil.linkage;

import java.util.HashMap;
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

  private final Map<Field, Map<String, Integer>> counts = new HashMap<>();
  private final Map<Field, Integer> totals = new HashMap<>();

  Frequencies() {
    for (Field field : Field.values()) {
      counts.put(field, new HashMap<>());
      totals.put(field, 0);
    }
  }

  void add(Evidence report) {
    PersonName name = report.name();
    count(Field.SURNAME, name.surname());
    name.given().forEach(g -> count(Field.GIVEN, g));
    count(Field.CITY, report.city());
    if (report.day() != Evidence.UNKNOWN) {
      count(Field.DAY, Integer.toString(report.day()));
    }
    count(Field.STATION, report.station());
  }

  /** The chance that a random report has this value: the u-probability of agreeing on it. */
  double share(Field field, String value) {
    int count = counts.get(field).getOrDefault(value, 0);
    return (count + PRIOR_WEIGHT * field.priorShare) / (totals.get(field) + PRIOR_WEIGHT);
  }

  private void count(Field field, String value) {
    if (!value.isEmpty()) {
      counts.get(field).merge(value, 1, Integer::sum);
      totals.merge(field, 1, Integer::sum);
    }
  }
}
