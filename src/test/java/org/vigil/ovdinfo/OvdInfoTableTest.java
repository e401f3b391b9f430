package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.SharedData;

/** OVD-Info's 2013 table read as it was published. */
class OvdInfoTableTest {
  private static List<TableRow> rows;
  private static List<EventRow> events;

  @BeforeAll
  static void read() throws Exception {
    rows = OvdInfoTable.readAll(SharedData.detentions2013(), null);
    events = Csv.events(rows);
  }

  private static EventRow id(String id) {
    return events.stream().filter(e -> id.equals(e.sourceId())).findFirst().orElseThrow();
  }

  @Test
  void everyRowIsAnEvent() {
    assertThat(rows).hasSize(235);
    assertThat(events).hasSize(235);
    assertThat(events).extracting(EventRow::naturalKey).doesNotHaveDuplicates();
  }

  @Test
  void theFirstRowInFull() {
    EventRow first = events.getFirst();

    assertThat(first.line()).isEqualTo(2);
    assertThat(first.naturalKey()).isEqualTo("ovdinfo:Москва:2013-01-12:id=1");
    assertThat(first.date()).isEqualTo(LocalDate.of(2013, 1, 12));
    assertThat(first.region()).isEqualTo("Москва");
    assertThat(first.city()).isNull();
    assertThat(first.place()).isEqualTo("Тверская, 14");
    assertThat(first.kind()).isEqualTo("акция");
    assertThat(first.agreement()).isEqualTo(Agreement.UNAUTHORISED);
    assertThat(first.subject()).isEqualTo("социальная");
    assertThat(first.organizer()).isEqualTo("другое");
    assertThat(first.description()).isEqualTo("Акция против строительства Северо-Западной хорды");
    assertThat(first.english())
        .isEqualTo(
            new English(
                "Direct action",
                "Unauthorised",
                "Social",
                "Other",
                "The protest against the construction of the Northwest chords"));
    assertThat(first.links()).containsExactly("http://ovdinfo.org/express-news/1224");
    assertThat(first.unnamedDetentions()).isEqualTo(5);
    assertThat(first.policeStations()).isEqualTo("ОВД Тверское");
    assertThat(first.source().asMap()).hasSize(17).containsEntry("place", "Тверская, 14");
  }

  @Test
  void multiLineCellsAndManyLinks() {
    EventRow july19 = id("91");

    assertThat(july19.policeStations()).startsWith("ОВД Пресненский - 21+8");
    assertThat(july19.links()).hasSize(17).allMatch(link -> link.startsWith("http://ovdinfo.org/"));
    assertThat(events).anyMatch(e -> e.policeStations().contains("\n"));
    assertThat(events.getLast().line()).isGreaterThan(236);
  }

  @Test
  void linksInStrayQuotesOrWithoutSchemeAreLinks() {
    assertThat(events).allMatch(e -> e.sourceNote() == null && !e.links().isEmpty());
    assertThat(id("178").links()).contains("ovdinfo.org/piter?page=27");
    assertThat(id("215").links())
        .hasSize(4)
        .startsWith(
            "http://www.ovdinfo.org/express-news/1392", "http://www.ovdinfo.org/express-news/1393");
    assertThat(events).flatExtracting(EventRow::links).noneMatch(link -> link.contains("\""));
  }

  @Test
  void theRawStationCellIsKeptAsWritten() {
    assertThat(events)
        .extracting(EventRow::policeStations)
        .contains(
            " ОВД «Китай-город»", "ОВД Красносельское ", "автозак??", "38 (8), 77 (7), 2 (2)");
  }

  @Test
  void authorisedEventsAreTheThirteenAgreedOnes() {
    assertThat(events).filteredOn(e -> e.agreement() == Agreement.AUTHORISED).hasSize(13);
  }
}
