package org.vigil.campaign;

import java.time.Instant;
import java.time.LocalDate;

/** One protest (акция) in one city on one date. */
public record Event(
    String id,
    String campaignId,
    LocalDate heldOn,
    String city,
    String region,
    String venue,
    String kind,
    Boolean authorised,
    String cause,
    String organiser,
    Double temperatureC,
    String conditions,
    Double latitude,
    Double longitude,
    Instant createdAt,
    Instant updatedAt) {

  public record Input(
      String campaign,
      LocalDate heldOn,
      String city,
      String region,
      String venue,
      String kind,
      Boolean authorised,
      String cause,
      String organiser,
      Double temperatureC,
      String conditions,
      Double latitude,
      Double longitude) {}
}
