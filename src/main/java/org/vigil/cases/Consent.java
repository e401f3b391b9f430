package org.vigil.cases;

/** What a detainee agreed may be published about them. Without consent, nothing is. */
public enum Consent {
  NONE,
  INITIALS,
  FULL
}
