package org.vigil.intake;

/** How a report reached Vigil. */
public enum Channel {
  /** Typed by a hotline or chat operator, who is accountable for it. */
  OPERATOR,
  /** Sent anonymously through the public form. */
  PUBLIC
}
