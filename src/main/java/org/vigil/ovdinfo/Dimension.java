package org.vigil.ovdinfo;

import java.util.function.Function;

/**
 * What events can be grouped by. Values are compared exactly as the table writes them: `пикет` and
 * `одиночный пикет` are different kinds, as in OVD-Info's own report. The police station is a
 * dimension of the station directory ({@code org.vigil.station}), since one event can name several
 * stations; campaigns are not in OVD-Info's tables.
 */
public enum Dimension {
  /** OVD-Info's `Москва` covers Moscow and its oblast (Селятино, Барвиха, Жуковский). */
  REGION(EventRow::region),
  CITY(EventRow::city),
  YEAR(e -> String.valueOf(e.date().getYear())),
  /** As `2013-05`, so that months of different years stay apart and sort in time. */
  MONTH(e -> e.date().toString().substring(0, 7)),
  DAY(e -> e.date().toString()),
  EVENT_TYPE(EventRow::kind),
  SUBJECT(EventRow::subject),
  ORGANIZER(EventRow::organizer),
  AGREEMENT(e -> e.agreement().name()),
  /** Each event on its own: the tally of one event is its own count. */
  EVENT(EventRow::naturalKey);

  /** The group of events whose table leaves the dimension's cell empty. */
  public static final String NOT_STATED = "(not stated)";

  private final Function<EventRow, String> value;

  Dimension(Function<EventRow, String> value) {
    this.value = value;
  }

  String of(EventRow event) {
    String text = value.apply(event);
    return text == null ? NOT_STATED : text;
  }
}
