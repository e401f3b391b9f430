package org.vigil.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** One person detained at one event, with the timeline of what happened to them since. */
public record Detention(
    String id,
    Person person,
    String eventId,
    String reportId,
    OffsetDateTime detainedAt,
    String place,
    String policeStation,
    String policeStationId,
    boolean forceUsed,
    boolean minor,
    boolean journalist,
    DetentionStatus status,
    List<StatusChange> timeline,
    Instant createdAt,
    Instant updatedAt) {

  Detention withTimeline(List<StatusChange> changes) {
    return new Detention(
        id,
        person,
        eventId,
        reportId,
        detainedAt,
        place,
        policeStation,
        policeStationId,
        forceUsed,
        minor,
        journalist,
        status,
        changes,
        createdAt,
        updatedAt);
  }
}
