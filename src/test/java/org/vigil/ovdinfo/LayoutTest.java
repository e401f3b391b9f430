package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layouts OVD-Info published, each read from its header. */
class LayoutTest {

  /** 2012 (`ext/files/list_2012_en.csv`): no region, no police stations, place before count. */
  private static final String LAYOUT_2012 =
      """
      Id,date,agreement,agreement_eng,event_type,event_type_eng,subject,subject_eng,organizer,organizer_eng,description,description_eng,place,number_of_detentions,links
      1,04.12.2011,не согласовано,Unauthorised,митинг,Rally,За честные выборы,For fair elections,Оркгомитет 23 августа,The 23rd of August Organizing Committee,"Сход ""Народ против незаконных выборов!\""","Gathering ""People against illegal elections!\""","триумальная, площадь революции",198,"оценка овд-инфо, ССЫЛКИ, http://namarsh-ru.livejournal.com/6144795.html"
      8,21.12.2011,не согласовано,Unauthorised,акция,Direct action,За честные выборы,For fair elections,Другая Россия,Other Russia,Акция,Action,Госдума,27,"http://ovdinfo.org/express-news/29, http://ovdinfo.org/express-news/30"
      """;

  @Test
  void aTableWithoutRegionTakesTheGivenOne() throws Exception {
    List<EventRow> events = Csv.events(Csv.read(LAYOUT_2012, "Москва"));

    assertThat(events).hasSize(2);
    EventRow first = events.getFirst();
    assertThat(first.region()).isEqualTo("Москва");
    assertThat(first.date()).isEqualTo(LocalDate.of(2011, 12, 4));
    assertThat(first.place()).isEqualTo("триумальная, площадь революции");
    assertThat(first.kind()).isEqualTo("митинг");
    assertThat(first.agreement()).isEqualTo(Agreement.UNAUTHORISED);
    assertThat(first.description()).isEqualTo("Сход \"Народ против незаконных выборов!\"");
    assertThat(first.english().kind()).isEqualTo("Rally");
    assertThat(first.unnamedDetentions()).isEqualTo(198);
    assertThat(first.links()).containsExactly("http://namarsh-ru.livejournal.com/6144795.html");
    assertThat(first.sourceNote()).isEqualTo("оценка овд-инфо, ССЫЛКИ");
    assertThat(first.policeStations()).isNull();
    assertThat(first.naturalKey()).isEqualTo("ovdinfo:Москва:2011-12-04:id=1");
    assertThat(events.get(1).links())
        .containsExactly(
            "http://ovdinfo.org/express-news/29", "http://ovdinfo.org/express-news/30");
  }

  @Test
  void aTableWithoutRegionAndWithoutOneGivenIsRefused() {
    assertThatThrownBy(() -> Csv.read(LAYOUT_2012, null))
        .isInstanceOf(LayoutException.class)
        .hasMessageContaining("--region");
  }

  @Test
  void englishColumnsAndValues() throws Exception {
    String table =
        """
        Date,Region,City,Place,Event type,Authorised,Subject,Organiser,Description,Detentions,Sources
        2013-06-12,Moscow Oblast,Khimki,Forest,picket,Authorized,ecology,Greenpeace,Khimki forest,4,https://ovdinfo.org/a https://ovdinfo.org/b
        """;

    EventRow event = Csv.events(Csv.read(table, null)).getFirst();

    assertThat(event.date()).isEqualTo(LocalDate.of(2013, 6, 12));
    assertThat(event.region()).isEqualTo("Moscow Oblast");
    assertThat(event.city()).isEqualTo("Khimki");
    assertThat(event.kind()).isEqualTo("picket");
    assertThat(event.agreement()).isEqualTo(Agreement.AUTHORISED);
    assertThat(event.organizer()).isEqualTo("Greenpeace");
    assertThat(event.links()).containsExactly("https://ovdinfo.org/a", "https://ovdinfo.org/b");
    assertThat(event.sourceId()).isNull();
    assertThat(event.naturalKey()).matches("ovdinfo:Moscow Oblast:2013-06-12:[0-9a-f]{16}");
  }

  @Test
  void coordinatesWhereTheTableHasThem() throws Exception {
    String table =
        """
        id,date,region,lat,lon,number_of_detentions
        1,06.05.2013,Москва,"55,7431",37.6086,17
        2,07.05.2013,Москва,,,3
        """;

    List<EventRow> events = Csv.events(Csv.read(table, null));

    assertThat(events.get(0).coordinates()).isEqualTo(new Coordinates(55.7431, 37.6086));
    assertThat(events.get(1).coordinates()).isNull();
  }

  @Test
  void bomStraySpacesOrderAndUnknownColumns() throws Exception {
    String table =
        "\uFEFF Number_Of_Detentions , Комментарий ,  DATE ,region\n"
            + " 12 ,проверить,  05.03.2013 ,  Воронеж \n";

    List<TableRow> rows = Csv.read(table, null);
    EventRow event = Csv.events(rows).getFirst();

    assertThat(event.unnamedDetentions()).isEqualTo(12);
    assertThat(event.date()).isEqualTo(LocalDate.of(2013, 3, 5));
    assertThat(event.region()).isEqualTo("Воронеж");
    assertThat(event.agreement()).isEqualTo(Agreement.UNKNOWN);
    assertThat(event.source().asMap())
        .containsExactly(
            java.util.Map.entry("Number_Of_Detentions", " 12 "),
            java.util.Map.entry("Комментарий", "проверить"),
            java.util.Map.entry("DATE", "  05.03.2013 "),
            java.util.Map.entry("region", "  Воронеж "));
  }

  @Test
  void theRegionColumnWinsAndTheGivenRegionFillsEmptyCells() throws Exception {
    String table = "date,region,number_of_detentions\n01.02.2013,Воронеж,1\n02.02.2013,,2\n";

    assertThat(Csv.events(Csv.read(table, "Москва")))
        .extracting(EventRow::region)
        .containsExactly("Воронеж", "Москва");
  }

  @Test
  void aHeaderWithoutDateOrCountIsNotAnEventTable() {
    assertThatThrownBy(
            () -> Csv.read("id,Name,lon,lat,Address,value\n1,ОВД Арбат,37.5,55.7,x,5\n", "Москва"))
        .isInstanceOf(LayoutException.class)
        .hasMessageContaining("DATE")
        .hasMessageContaining("DETENTIONS");
    assertThatThrownBy(() -> Csv.read("", "Москва")).isInstanceOf(LayoutException.class);
  }

  @Test
  void theLayoutIsDescribed() throws Exception {
    try (OvdInfoTable table = OvdInfoTable.open(new java.io.StringReader("date;x\n"), "Москва")) {
      org.junit.jupiter.api.Assertions.fail(
          "a semicolon table has no date column: " + table.layout());
    } catch (LayoutException expected) {
      assertThat(expected).hasMessageContaining("date;x");
    }
    try (OvdInfoTable table =
        OvdInfoTable.open(new java.io.StringReader("date,detained,notes\n"), "Москва")) {
      assertThat(table.layout())
          .isEqualTo("3 columns; read: date, detentions; kept only as source: notes");
    }
  }
}
