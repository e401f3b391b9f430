package org.vigil.intake;

import java.time.OffsetDateTime;
import org.vigil.cases.Consent;

/**
 * What a report says, validated. {@code name}, {@code birthYear}, {@code contact} and {@code text}
 * are personal data and are stored encrypted. {@code consent} is null when the report said nothing
 * about publication.
 */
public record ReportContent(
    String name,
    Integer birthYear,
    String city,
    OffsetDateTime detainedAt,
    String place,
    String policeStation,
    Reporter source,
    String contact,
    String text,
    String campaign,
    String event,
    String corrects,
    Consent consent,
    boolean forceUsed,
    boolean minor,
    boolean journalist) {

  /** A report with the campaign it was placed in. */
  ReportContent withCampaign(String campaignId) {
    return new ReportContent(
        name,
        birthYear,
        city,
        detainedAt,
        place,
        policeStation,
        source,
        contact,
        text,
        campaignId,
        event,
        corrects,
        consent,
        forceUsed,
        minor,
        journalist);
  }

  /** A report with the event it was resolved to. */
  ReportContent withEvent(String eventId) {
    return new ReportContent(
        name,
        birthYear,
        city,
        detainedAt,
        place,
        policeStation,
        source,
        contact,
        text,
        campaign,
        eventId,
        corrects,
        consent,
        forceUsed,
        minor,
        journalist);
  }
}
