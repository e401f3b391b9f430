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

  /** A report with the campaign and the event intake placed it in. */
  ReportContent placed(String campaignId, String eventId) {
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
        eventId,
        corrects,
        consent,
        forceUsed,
        minor,
        journalist);
  }
}
