package org.vigil.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One person detained at one event, with the timeline of what happened to them since. A detention
 * is confirmed once a coordinator has verified it; until then it is counted apart. It counts only
 * where it is placed (an event, or a city of the gazetteer on a day of its campaign), never once
 * its report was rejected, and not on its own once merged into another detention of the same
 * arrest.
 */
public record Detention(
    String id,
    Person person,
    String campaignId,
    String eventId,
    String reportId,
    OffsetDateTime detainedAt,
    String placeId,
    String place,
    String policeStation,
    String policeStationId,
    boolean forceUsed,
    boolean minor,
    boolean journalist,
    DetentionStatus status,
    Instant confirmedAt,
    String confirmedBy,
    Instant rejectedAt,
    String mergedInto,
    List<StatusChange> timeline,
    Instant createdAt,
    Instant updatedAt) {

  Detention withTimeline(List<StatusChange> changes) {
    return new Detention(
        id,
        person,
        campaignId,
        eventId,
        reportId,
        detainedAt,
        placeId,
        place,
        policeStation,
        policeStationId,
        forceUsed,
        minor,
        journalist,
        status,
        confirmedAt,
        confirmedBy,
        rejectedAt,
        mergedInto,
        changes,
        createdAt,
        updatedAt);
  }
}
