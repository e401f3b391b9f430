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
  /**
   * The fields with term frequencies, each with a prior share and a floor. The floor keeps a value
   * never seen before from counting as rarer than such values are: the first reports from a new
   * protest day all share that day, and a day with detentions always has many of them.
   */
  enum Field {
    SURNAME(0.002, 0),
    GIVEN(0.02, 0),
    PATRONYMIC(0.02, 0),
    GIVEN_INITIAL(0.05, 0),
    PATRONYMIC_INITIAL(0.05, 0),
    CITY(0.05, 0.005),
    DAY(0.05, 0.02),
    STATION(0.01, 0.002),
    YEAR(1 / 60.0, 0.002);

    private final double priorShare;
    private final double floor;

    Field(double priorShare, double floor) {
      this.priorShare = priorShare;
      this.floor = floor;
    }
  }

  /** How many reports' worth of weight the prior share carries. */
  private static final double PRIOR_WEIGHT = 100;

  private final List<Map<Object, Double>> counts = new ArrayList<>();
  private final double[] totals = new double[Field.values().length];

  Frequencies() {
    for (int i = 0; i < Field.values().length; i++) {
      counts.add(new HashMap<>());
    }
  }

  /**
   * Counts one report. A name read several ways ({@link Evidence#names}) counts once in all: each
   * reading by its share, so a German-looking name does not make its surnames look twice as common.
   */
  void add(Evidence report) {
    double weight = 1.0 / report.names().size();
    for (PersonName name : report.names()) {
      count(Field.SURNAME, name.surname(), weight);
      name.given().forEach(g -> count(Field.GIVEN, g, weight));
      count(Field.PATRONYMIC, name.patronymic(), weight);
      count(Field.GIVEN_INITIAL, name.givenInitial(), weight);
      count(Field.PATRONYMIC_INITIAL, name.patronymicInitial(), weight);
    }
    count(Field.CITY, report.city(), 1);
    if (report.day() != Evidence.UNKNOWN) {
      count(Field.DAY, report.day(), 1);
    }
    count(Field.STATION, report.station(), 1);
    if (report.birthYear() != Evidence.UNKNOWN) {
      count(Field.YEAR, report.birthYear(), 1);
    }
  }

  /** The chance that a random report has this value: the u-probability of agreeing on it. */
  double share(Field field, Object value) {
    double count = counts.get(field.ordinal()).getOrDefault(value, 0.0);
    double share =
        (count + PRIOR_WEIGHT * field.priorShare) / (totals[field.ordinal()] + PRIOR_WEIGHT);
    return Math.max(field.floor, share);
  }

  private void count(Field field, Object value, double weight) {
    if (!"".equals(value)) {
      counts.get(field.ordinal()).merge(value, weight, Double::sum);
      totals[field.ordinal()] += weight;
    }
  }
}
