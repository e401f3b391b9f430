package org.vigil.ovdinfo;

import java.time.LocalDate;
import java.util.List;

/**
 * One event with detentions as an OVD-Info table states it. Text fields are null where the table
 * has no such column or leaves the cell empty.
 *
 * @param line the physical line the row starts on, for messages; not part of the event
 * @param naturalKey identifies the event across re-imports, see {@link NaturalKey}
 * @param sourceId the table's own row number (`Id`), null if the table has none
 * @param region the row's region, or the `--region` given for tables without a region column;
 *     OVD-Info's `Москва` means Moscow and its oblast
 * @param city only in tables with a city column; the 2013 table has none
 * @param kind the event type (`акция`, `пикет`, `одиночный пикет`, `митинг`…) exactly as written
 * @param links the URLs of the source reports, in the table's order
 * @param sourceNote text of the links cell that is not a URL (`оценка овд-инфо`), null if none
 * @param unnamedDetentions the sourced count of people detained whose names the table does not give
 * @param policeStations the raw police-station cell, never rewritten: the station directory parses
 *     it, and a coordinator's later merge or split of stations must still be able to reread it
 * @param source the row exactly as read
 */
public record EventRow(
    long line,
    String naturalKey,
    String sourceId,
    LocalDate date,
    String region,
    String city,
    String place,
    String kind,
    Agreement agreement,
    String subject,
    String organizer,
    String description,
    English english,
    List<String> links,
    String sourceNote,
    int unnamedDetentions,
    String policeStations,
    Coordinates coordinates,
    SourceRow source)
    implements TableRow {

  public EventRow {
    links = List.copyOf(links);
  }

  /**
   * Whether two readings state the same event in the same words. The line is left out: a row that
   * moved because rows were added above it is still unchanged.
   */
  public boolean sameContentAs(EventRow other) {
    return equals(other.atLine(line));
  }

  EventRow atLine(long newLine) {
    return new EventRow(
        newLine,
        naturalKey,
        sourceId,
        date,
        region,
        city,
        place,
        kind,
        agreement,
        subject,
        organizer,
        description,
        english,
        links,
        sourceNote,
        unnamedDetentions,
        policeStations,
        coordinates,
        source);
  }
}
