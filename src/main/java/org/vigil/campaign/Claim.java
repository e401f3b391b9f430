package org.vigil.campaign;

import java.time.Instant;

/**
 * A sourced figure about an event or a campaign ("an estimated 15,000 demonstrators", police
 * figures against organisers'), kept with its source and quote so every number can be traced.
 */
public record Claim(
    String id,
    String campaignId,
    String eventId,
    Subject subject,
    Qualifier qualifier,
    long value,
    String source,
    String quote,
    String url,
    Instant createdAt) {

  /** What the figure counts. */
  public enum Subject {
    CROWD,
    DETAINED,
    CITIES,
    INJURED
  }

  /** How the source states it: "about 15,000", "more than 3,000", "at least 60". */
  public enum Qualifier {
    EXACTLY,
    ABOUT,
    MORE_THAN,
    AT_LEAST,
    UP_TO
  }
}
