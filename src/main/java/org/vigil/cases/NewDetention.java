package org.vigil.cases;

import java.time.OffsetDateTime;

/**
 * What intake knows of a detention when its first report arrives; {@code confirmedBy} is the user
 * who confirmed it by typing the report themself, or null. {@code placeId} is the gazetteer's id of
 * the city the report names, or null when it did not resolve.
 */
public record NewDetention(
    String reportId,
    String reportedBy,
    String enteredBy,
    String confirmedBy,
    String name,
    Integer birthYear,
    String contact,
    String campaignId,
    String eventId,
    String placeId,
    OffsetDateTime detainedAt,
    String place,
    String policeStation,
    String policeStationId,
    boolean forceUsed,
    boolean minor,
    boolean journalist) {}
