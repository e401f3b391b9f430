package org.vigil.publish;

import java.time.Instant;

/** One of the editors' live updates: public text, in Russian or English. */
public record LiveUpdate(
    String id,
    String campaignId,
    Language language,
    String text,
    String authorName,
    Instant publishedAt) {

  /** The languages Vigil publishes in. */
  public enum Language {
    RU,
    EN
  }
}
