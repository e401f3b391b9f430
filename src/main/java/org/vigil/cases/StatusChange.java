package org.vigil.cases;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One entry of a detention's timeline: what happened, when, who says so, who recorded it, and the
 * facts of that step as fields that can be counted: the police station; the article and its part
 * (of КоАП, or of УК for a criminal case); the court, the hearing's time, the judge and the case
 * number; the fine in roubles, the days of arrest, the hours of community service; the appeal's
 * outcome. A wrong entry is never changed: a new one {@code supersedes} it, with the {@code
 * reason}, and the old one stays, marked {@code supersededBy}. {@code detentionId} is the detention
 * the entry was recorded on, which differs from the one shown when two detentions of one arrest
 * were merged.
 */
public record StatusChange(
    String id,
    String detentionId,
    DetentionStatus status,
    OffsetDateTime happenedAt,
    Instant recordedAt,
    String source,
    String author,
    String policeStationId,
    String article,
    Integer articlePart,
    String court,
    OffsetDateTime hearingAt,
    String judge,
    String caseNumber,
    Long fineRub,
    Integer arrestDays,
    Integer serviceHours,
    AppealOutcome appealOutcome,
    String note,
    String supersedes,
    String reason,
    String supersededBy) {

  StatusChange recorded(String id, String detentionId, Instant at, String supersededBy) {
    return new StatusChange(
        id,
        detentionId,
        status,
        happenedAt,
        at,
        source,
        author,
        policeStationId,
        article,
        articlePart,
        court,
        hearingAt,
        judge,
        caseNumber,
        fineRub,
        arrestDays,
        serviceHours,
        appealOutcome,
        note,
        supersedes,
        reason,
        supersededBy);
  }

  StatusChange withSupersededBy(String by) {
    return recorded(id, detentionId, recordedAt, by);
  }

  /** The code {@link #article} belongs to ("КоАП" or "УК"), or null without an article. */
  public String articleCode() {
    return article == null ? null : status.code();
  }
}
