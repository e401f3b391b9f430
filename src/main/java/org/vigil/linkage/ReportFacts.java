package org.vigil.linkage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one report says about a detainee, as far as linkage needs it. Text fields that a report left
 * out are empty strings.
 *
 * @param reportId the report's identifier, unique among all reports
 * @param name the detainee's name in any script, form and word order
 * @param birthYear the year of birth, if the report gave one
 * @param city the city of the detention, in any of its spellings
 * @param detainedOn the day of the detention, if known
 * @param policeStation the police station the detainee was taken to
 * @param source who reported: the detainee, a relative, a witness, a lawyer, the press
 */
public record ReportFacts(
    String reportId,
    String name,
    OptionalInt birthYear,
    String city,
    Optional<LocalDate> detainedOn,
    String policeStation,
    String source) {

  public ReportFacts {
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(birthYear, "birthYear");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(detainedOn, "detainedOn");
    Objects.requireNonNull(policeStation, "policeStation");
    Objects.requireNonNull(source, "source");
  }
}
