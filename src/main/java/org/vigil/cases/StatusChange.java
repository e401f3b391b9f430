package org.vigil.cases;

import java.time.Instant;
import java.time.OffsetDateTime;

/** One entry of a detention's timeline: what happened, when, who says so, who recorded it. */
public record StatusChange(
    String id,
    DetentionStatus status,
    OffsetDateTime happenedAt,
    Instant recordedAt,
    String source,
    String author,
    String article,
    Long fineRub,
    Integer arrestDays,
    String note) {}
