package org.vigil.cases;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One entry of a detention's timeline: what happened, when, who says so, who recorded it. A wrong
 * entry is never changed: a new one {@code supersedes} it, with the {@code reason}, and the old one
 * stays, marked {@code supersededBy}. {@code detentionId} is the detention the entry was recorded
 * on, which differs from the one shown when two detentions of one arrest were merged.
 */
public record StatusChange(
    String id,
    String detentionId,
    DetentionStatus status,
    OffsetDateTime happenedAt,
    Instant recordedAt,
    String source,
    String author,
    String article,
    Long fineRub,
    Integer arrestDays,
    String note,
    String supersedes,
    String reason,
    String supersededBy) {

  StatusChange withSupersededBy(String id) {
    return new StatusChange(
        this.id,
        detentionId,
        status,
        happenedAt,
        recordedAt,
        source,
        author,
        article,
        fineRub,
        arrestDays,
        note,
        supersedes,
        reason,
        id);
  }
}
