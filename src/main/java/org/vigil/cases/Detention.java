package org.vigil.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One person detained at one event, with the timeline of what happened to them since. A detention
 * is confirmed once a coordinator has verified it; until then it is counted apart.
 */
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
    Instant confirmedAt,
    String confirmedBy,
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
        confirmedAt,
        confirmedBy,
        changes,
        createdAt,
        updatedAt);
  }
}
