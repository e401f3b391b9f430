package org.vigil.cases;

import java.time.OffsetDateTime;

/** What intake knows of a detention when its first report arrives. */
public record NewDetention(
    String reportId,
    String reportedBy,
    String enteredBy,
    String name,
    Integer birthYear,
    String contact,
    Consent consent,
    String eventId,
    OffsetDateTime detainedAt,
    String place,
    String policeStation,
    String policeStationId,
    boolean forceUsed,
    boolean minor,
    boolean journalist) {}
