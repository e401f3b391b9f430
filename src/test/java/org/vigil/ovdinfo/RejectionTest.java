package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad row is rejected with its line, column and reason; the rows around it stand. */
class RejectionTest {
  private static final String HEADER =
      "Id,date,region,agreement,event_type,ovd,number_of_detentions,lat,lon,links\n";

  private static List<TableRow> read(String... rows) throws LayoutException {
    return Csv.read(HEADER + String.join("\n", rows) + "\n", null);
  }

  private static Rejected onlyRejection(String badRow) throws LayoutException {
    List<TableRow> rows =
        read("1,01.03.2013,Москва,,акция,,2,,,", badRow, "3,03.03.2013,Москва,,акция,,4,,,");
    assertThat(Csv.events(rows)).extracting(EventRow::sourceId).containsExactly("1", "3");
    assertThat(Csv.rejected(rows)).hasSize(1);
    return Csv.rejected(rows).getFirst();
  }

  @Test
  void aDateThatIsNoDate() throws Exception {
    assertThat(onlyRejection("2,весна 2013,Москва,,акция,,2,,,"))
        .isEqualTo(new Rejected(3, "date", "not a date: 'весна 2013' (expected dd.mm.yyyy)"));
  }

  @Test
  void aDateThatDoesNotExist() throws Exception {
    assertThat(onlyRejection("2,31.02.2013,Москва,,акция,,2,,,"))
        .extracting(Rejected::line, Rejected::column)
        .containsExactly(3L, "date");
  }

  @Test
  void aCountThatIsNoCount() throws Exception {
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция,,около 30,,,"))
        .isEqualTo(new Rejected(3, "number_of_detentions", "not a count of people: 'около 30'"));
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция,,-3,,,").column())
        .isEqualTo("number_of_detentions");
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция,,,,,").reason())
        .isEqualTo("not a count of people: ''");
  }

  @Test
  void anAgreementThatSaysNeither() throws Exception {
    assertThat(onlyRejection("2,02.03.2013,Москва,подано уведомление,акция,,2,,,"))
        .isEqualTo(
            new Rejected(3, "agreement", "neither agreed nor not agreed: 'подано уведомление'"));
  }

  @Test
  void anEmptyRegionWithoutADefault() throws Exception {
    assertThat(onlyRejection("2,02.03.2013, ,,акция,,2,,,"))
        .isEqualTo(new Rejected(3, "region", "empty, and no --region given"));
  }

  @Test
  void badCoordinates() throws Exception {
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция,,2,55.7,,"))
        .isEqualTo(new Rejected(3, "lon", "one coordinate without the other"));
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция,,2,155.7,37.6,"))
        .isEqualTo(new Rejected(3, "lat", "not coordinates: '155.7, 37.6'"));
  }

  @Test
  void tooFewOrTooManyCells() throws Exception {
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция"))
        .isEqualTo(
            new Rejected(
                3,
                "ovd",
                "row has 5 cells, the header has 10 (an unquoted comma, quote or line break?)"));
    assertThat(onlyRejection("2,02.03.2013,Москва,,акция,ОВД Арбат, ОВД Тверской,2,,,").column())
        .isEqualTo("(row)");
  }

  @Test
  void theSameIdTwice() throws Exception {
    assertThat(onlyRejection("1,01.03.2013,Москва,,пикет,,7,,,"))
        .isEqualTo(
            new Rejected(3, "Id", "the same event as line 2 (key ovdinfo:Москва:2013-03-01:id=1)"));
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotedCells() throws Exception {
    List<TableRow> rows =
        read(
            "1,01.03.2013,Москва,,акция,\"ОВД Тверское\nОВД Таганское\",2,,,",
            "2,весна,Москва,,акция,,2,,,",
            "3,03.03.2013,Москва,,акция,,4,,,");

    assertThat(Csv.events(rows).getFirst().policeStations())
        .isEqualTo("ОВД Тверское\nОВД Таганское");
    assertThat(Csv.rejected(rows)).extracting(Rejected::line).containsExactly(4L);
    assertThat(Csv.events(rows)).extracting(EventRow::line).containsExactly(2L, 5L);
  }

  @Test
  void aQuoteNeverClosedIsReportedAndTheRowsBeforeItStand() throws Exception {
    List<TableRow> rows =
        read(
            "1,01.03.2013,Москва,,акция,,2,,,",
            "2,02.03.2013,Москва,,акция,\"ОВД Арбат,2,,,",
            "3,03.03.2013,Москва,,акция,,4,,,");

    assertThat(Csv.events(rows)).extracting(EventRow::sourceId).containsExactly("1");
    assertThat(Csv.rejected(rows))
        .extracting(Rejected::line, Rejected::column)
        .containsExactly(tuple(3L, "ovd"));
  }
}
