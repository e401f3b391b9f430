package org.vigil.cases;

import java.time.Instant;

/**
 * What someone said about publishing a detainee's name: the detainee themself ({@link Giver#SELF})
 * or their representative (a relative, a lawyer). {@code verified} statements were recorded by a
 * coordinator who checked them; the others are what reports said, unchecked. A witness or a
 * journalist cannot consent for someone else, so their reports state nothing here.
 */
public record ConsentStatement(
    String id,
    String reportId,
    Consent consent,
    Giver givenBy,
    Instant statedAt,
    boolean verified,
    String recordedBy,
    String note) {

  /** Who gave a consent. */
  public enum Giver {
    SELF,
    REPRESENTATIVE
  }
}
