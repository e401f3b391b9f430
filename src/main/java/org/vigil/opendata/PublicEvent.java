package org.vigil.opendata;

import java.util.List;
import java.util.Map;

/**
 * An event as published: what happened, where, the counts and the sources; no person in it. Text is
 * null where Vigil does not know it.
 *
 * @param authorised null when it is not known whether the authorities agreed
 * @param named distinct documented persons detained there (their names are never published)
 * @param unnamed the sourced count of people detained whose names are not documented
 */
public record PublicEvent(
    String id,
    String sourceKey,
    String campaignId,
    String date,
    String region,
    String city,
    String place,
    String kind,
    Boolean authorised,
    String subject,
    String organizer,
    String description,
    String policeStations,
    boolean stationCountsMismatch,
    long named,
    long unnamed,
    List<String> links,
    String sourceNote,
    Double lat,
    Double lon) {

  public PublicEvent {
    links = List.copyOf(links);
  }

  public long detentions() {
    return named + unnamed;
  }

  /** The published fields' names, in docs/open-data.md and in column order. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "source_key",
          "campaign_id",
          "date",
          "region",
          "city",
          "place",
          "event_type",
          "agreement",
          "subject",
          "organizer",
          "description",
          "ovd",
          "station_counts_mismatch",
          "named_detentions",
          "unnamed_detentions",
          "number_of_detentions",
          "links",
          "source_note",
          "lat",
          "lon");

  /** The published fields by name, in {@link #FIELDS} order. */
  public Map<String, Object> fields() {
    // `agreement` in the words `import ovdinfo` reads as agreed and not agreed; null: not known
    String agreement = authorised == null ? null : authorised ? "authorised" : "unauthorised";
    return OpenData.named(
        FIELDS,
        id,
        sourceKey,
        campaignId,
        date,
        region,
        city,
        place,
        kind,
        agreement,
        subject,
        organizer,
        description,
        policeStations,
        stationCountsMismatch,
        named,
        unnamed,
        detentions(),
        links,
        sourceNote,
        lat,
        lon);
  }
}
