package org.vigil.cases;

/** Where a detainee's case stands, from the street to the court's outcome. */
public enum DetentionStatus {
  DETAINED,
  AT_POLICE_STATION,
  RELEASED_WITHOUT_CHARGE,
  /**
   * Released with a charge sheet (протокол), e.g. under article 20.2 of the Administrative Code.
   */
  RELEASED_WITH_CHARGE_SHEET,
  HELD_OVERNIGHT,
  IN_COURT,
  FINED,
  ADMINISTRATIVE_ARREST,
  COMMUNITY_SERVICE,
  CRIMINAL_CASE,
  CASE_DISMISSED
}
