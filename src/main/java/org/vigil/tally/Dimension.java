package org.vigil.tally;

import java.util.Locale;

/**
 * What events can be grouped by. Values compare exactly as stored: `пикет` and `одиночный пикет`
 * are different kinds, as in OVD-Info's own report. Police stations, campaigns and events group by
 * id and show a name beside it.
 */
public enum Dimension {
  /** OVD-Info's `Москва` covers Moscow and its oblast (Селятино, Барвиха, Жуковский). */
  REGION("e.region"),
  CITY("e.city"),
  YEAR("SUBSTR(e.held_on, 1, 4)"),
  /** As `2013-05`, so that months of different years stay apart and sort in time. */
  MONTH("SUBSTR(e.held_on, 1, 7)"),
  DAY("e.held_on"),
  EVENT_TYPE("e.kind"),
  SUBJECT("e.subject"),
  ORGANIZER("e.organiser"),
  AGREEMENT(
      "CASE WHEN e.authorised IS NULL THEN 'UNKNOWN' WHEN e.authorised THEN 'AUTHORISED'"
          + " ELSE 'UNAUTHORISED' END"),
  /**
   * The station a cell names, with the detainees it puts there; named detainees by the station
   * their detention records. Events whose cell names no station are in no station's group.
   */
  POLICE_STATION("m.police_station_id", "ps.name"),
  CAMPAIGN("e.campaign_id", "c.title"),
  /** Each event on its own, labelled by date, city and place. */
  EVENT("e.id", "e.held_on || ', ' || e.city || COALESCE(', ' || e.venue, '')");

  private final String value;
  private final String label;

  Dimension(String value) {
    this(value, null);
  }

  Dimension(String value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The SQL of the group's value over events {@code e} (and mentions {@code m}). */
  String value() {
    return value;
  }

  /** The SQL of a readable name for an id value, null where the value is readable itself. */
  String label() {
    return label;
  }

  /** As written in `by=`: lower case, `police_station`. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Dimension parse(String code) {
    for (Dimension d : values()) {
      if (d.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    return null;
  }
}
