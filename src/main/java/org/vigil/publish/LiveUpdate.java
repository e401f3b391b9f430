package org.vigil.publish;

import java.time.Instant;

/**
 * One of the editors' live updates: public text, in Russian or English. {@code author} is the
 * byline the public sees: the editor's display name, or the group's name. An account name is never
 * published.
 */
public record LiveUpdate(
    String id,
    String campaignId,
    Language language,
    String text,
    String author,
    Instant publishedAt) {

  /** The languages Vigil publishes in. */
  public enum Language {
    RU,
    EN
  }
}
