package org.vigil.ovdinfo;

import java.util.List;
import java.util.Locale;

/**
 * The columns Vigil understands in OVD-Info's event tables, each with the header names it has been
 * published under. OVD-Info's tables from different years differ in which columns they carry (a
 * region column only since 2013, police stations only in 2013, coordinates in the map layers), so
 * the layout is read from the header instead of being assumed.
 */
enum Column {
  ID("id", "№", "номер"),
  DATE("date", "дата"),
  REGION("region", "регион", "субъект"),
  CITY("city", "город", "населенный пункт"),
  PLACE("place", "место", "location"),
  KIND("event type", "тип акции", "вид акции", "тип"),
  KIND_EN("event type eng", "event type en"),
  AGREEMENT("agreement", "согласование", "согласовано", "authorised", "authorized"),
  AGREEMENT_EN("agreement eng", "agreement en"),
  SUBJECT("subject", "тема", "тематика"),
  SUBJECT_EN("subject eng", "subject en"),
  ORGANIZER("organizer", "organiser", "организатор"),
  ORGANIZER_EN("organizer eng", "organiser eng", "organizer en"),
  DESCRIPTION("description", "описание"),
  DESCRIPTION_EN("description eng", "description en"),
  POLICE_STATIONS("ovd", "овд", "police station", "police stations", "отделы полиции"),
  DETENTIONS(
      "number of detentions",
      "detentions",
      "detained",
      "задержано",
      "задержаний",
      "число задержанных",
      "количество задержанных"),
  LINKS("links", "sources", "source", "ссылки", "источники", "источник"),
  LAT("lat", "latitude", "широта"),
  LON("lon", "lng", "long", "longitude", "долгота");

  private final List<String> headerNames;

  Column(String... headerNames) {
    this.headerNames = List.of(headerNames);
  }

  /** The column a header cell names, or null for a column Vigil does not read (kept as source). */
  static Column named(String header) {
    String name = normalise(header);
    for (Column column : values()) {
      if (column.headerNames.contains(name)) {
        return column;
      }
    }
    return null;
  }

  /**
   * Header cells come with BOMs, stray spaces, upper case and `_` or `-` between words
   * (`number_of_detentions`, `Event-Type`); all of these spell the same column.
   */
  static String normalise(String header) {
    return header
        .replace("\uFEFF", "")
        .replace('ё', 'е')
        .replace('Ё', 'Е')
        .replaceAll("[_\\-\\s\\u00A0]+", " ")
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
