package org.vigil.linkage;

/**
 * A report's facts reduced to comparable keys; what the scorer compares.
 *
 * @param name the parsed name
 * @param birthYear year of birth, or {@link #UNKNOWN}
 * @param city canonical city key, or empty
 * @param day epoch day of the detention, or {@link #UNKNOWN}
 * @param station police station key, or empty
 */
record Evidence(PersonName name, int birthYear, String city, int day, String station) {
  static final int UNKNOWN = Integer.MIN_VALUE;

  static Evidence of(ReportFacts report) {
    return new Evidence(
        PersonName.parse(report.name()),
        report.birthYear().orElse(UNKNOWN),
        report.city().isBlank() ? "" : Places.cityKey(report.city()),
        report.detainedOn().map(d -> (int) d.toEpochDay()).orElse(UNKNOWN),
        report.policeStation().isBlank() ? "" : Places.stationKey(report.policeStation()));
  }
}
