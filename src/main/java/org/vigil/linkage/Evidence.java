package org.vigil.linkage;

import java.util.List;

/**
 * A report's facts reduced to comparable keys; what the scorer compares.
 *
 * @param names every plausible reading of the name ({@link PersonName#readings}), the likeliest
 *     first; one for a name in Cyrillic
 * @param birthYear year of birth, or {@link #UNKNOWN}
 * @param city canonical city key, or empty
 * @param day epoch day of the detention, or {@link #UNKNOWN}
 * @param station police station key, or empty
 */
record Evidence(List<PersonName> names, int birthYear, String city, int day, String station) {
  static final int UNKNOWN = Integer.MIN_VALUE;

  /** The likeliest reading of the name. */
  PersonName name() {
    return names.getFirst();
  }

  static Evidence of(ReportFacts report) {
    return new Evidence(
        PersonName.readings(report.name()),
        report.birthYear().orElse(UNKNOWN),
        report.city().isBlank() ? "" : Places.cityKey(report.city()),
        report.detainedOn().map(d -> (int) d.toEpochDay()).orElse(UNKNOWN),
        report.policeStation().isBlank() ? "" : Places.stationKey(report.policeStation()));
  }
}
