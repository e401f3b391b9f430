package org.vigil.cases;

/** Where a detainee's case stands, from the street to the court's outcome and the appeal. */
public enum DetentionStatus {
  DETAINED,
  /** Delivered to a police station (отдел полиции): which one, and when. */
  AT_POLICE_STATION,
  RELEASED_WITHOUT_CHARGE,
  /**
   * Released with a charge sheet (протокол), e.g. under article 20.2 part 5 of the Administrative
   * Code (КоАП).
   */
  RELEASED_WITH_CHARGE_SHEET,
  HELD_OVERNIGHT,
  /** A court hearing: the court, its date, the judge and the case number. */
  IN_COURT,
  FINED,
  ADMINISTRATIVE_ARREST,
  COMMUNITY_SERVICE,
  /** A criminal case, under an article of the Criminal Code (УК). */
  CRIMINAL_CASE,
  CASE_DISMISSED,
  /** The ruling was appealed; the appeal's court and hearing, when known. */
  APPEALED,
  /** The appeal court decided: {@link AppealOutcome}. */
  APPEAL_DECIDED;

  /** The code an entry's article belongs to: the Criminal Code for a criminal case, else КоАП. */
  public String code() {
    return this == CRIMINAL_CASE ? "УК" : "КоАП";
  }
}
