package org.vigil.intake;

/** Who the information comes from. */
public enum Reporter {
  SELF,
  RELATIVE,
  WITNESS,
  LAWYER,
  MEDIA,
  OTHER,
  UNKNOWN
}
