package org.vigil.ovdinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.SharedData;
import org.vigil.storage.Database;
import org.vigil.testing.Imports;
import org.vigil.testing.TestDatabase;

/** The 2013 table through `vigil import ovdinfo` into each database. */
class StoredEventsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void importingTheSameFileTwiceChangesNothing(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase test = TestDatabase.create(kind, dir)) {
      String first = importWithLayer(test);
      List<Map<String, Object>> before = snapshot(test);
      String second = importWithLayer(test);

      assertThat(first).contains("events created: 235, updated: 0, unchanged: 0");
      assertThat(second).contains("events created: 0, updated: 0, unchanged: 235");
      assertThat(snapshot(test)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void rowsBecomeEventsWithTheirSourceAndStations(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase test = TestDatabase.create(kind, dir)) {
      importWithLayer(test);
      try (Database db = Database.open(test.url())) {
        Jdbi jdbi = db.jdbi();
        Map<String, Object> first =
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT held_on, city, region, venue, kind, subject, organiser, links,"
                                + " unnamed_detentions, source_row, station_cell FROM events"
                                + " WHERE source_key = 'ovdinfo:Москва:2013-01-12:id=1'")
                        .mapToMap()
                        .one());
        assertThat(first)
            .containsEntry("held_on", "2013-01-12")
            .containsEntry("city", "Москва")
            .containsEntry("venue", "Тверская, 14")
            .containsEntry("kind", "акция")
            .containsEntry("subject", "социальная")
            .containsEntry("links", "[\"http://ovdinfo.org/express-news/1224\"]")
            .containsEntry("station_cell", "ОВД Тверское");
        assertThat(((Number) first.get("unnamed_detentions")).longValue()).isEqualTo(5);
        assertThat((String) first.get("source_row"))
            .startsWith("{\"header\":[\"Id\",\"date\",\"region\"")
            .contains("\"cells\":[\"1\",\"12.01.2013\",\"Москва\"");

        assertThat(scalar(jdbi, "SELECT COUNT(*) FROM events WHERE station_counts_mismatch"))
            .isEqualTo(6);
        // single-station totals agree with OVD-Info's own layer (data README)
        assertThat(stationDetentions(jdbi, "ОВД Мещанский")).isEqualTo(88);
        assertThat(stationDetentions(jdbi, "ОВД Сокольники")).isEqualTo(21);
        assertThat(
                scalar(
                    jdbi,
                    "SELECT COUNT(*) FROM police_stations s JOIN police_station_names n"
                        + " ON n.station_id = s.id WHERE s.name = 'ОВД Пресненский'"
                        + " AND s.latitude IS NOT NULL"))
            .isGreaterThanOrEqualTo(4);
        assertThat(
                scalar(
                    jdbi,
                    "SELECT COUNT(*) FROM event_station_mentions WHERE non_station IS NOT NULL"
                        + " AND police_station_id IS NULL"))
            .isEqualTo(5);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRowTheDatabaseRefusesIsRejectedAloneAndTheRestStored(TestDatabase.Kind kind)
      throws Exception {
    Path table = dir.resolve("nul.csv");
    Files.writeString(
        table,
        "Id,date,region,place,number_of_detentions\n"
            + "1,01.03.2013,Москва,Тверская,2\n"
            + "2,02.03.2013,Москва,Пушкинская\u0000площадь,3\n"
            + "3,03.03.2013,Москва,Арбат,4\n");
    try (TestDatabase test = TestDatabase.create(kind, dir)) {
      boolean takesNul = kind == TestDatabase.Kind.SQLITE;
      String summary = Imports.ovdinfo(takesNul ? 0 : 2, test.url(), table);

      if (takesNul) {
        assertThat(summary).contains("events created: 3");
      } else {
        assertThat(summary)
            .contains("events created: 2, updated: 0, unchanged: 0")
            .contains("rows rejected: 1")
            .contains("line 3, column (row): not stored: ");
      }
    }
  }

  private String importWithLayer(TestDatabase test) {
    return Imports.ovdinfo(
        test.url(),
        SharedData.detentions2013(),
        "--stations",
        SharedData.stations2013().toString());
  }

  private static long stationDetentions(Jdbi jdbi, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT SUM(m.detentions) FROM event_station_mentions m"
                        + " JOIN police_stations s ON s.id = m.police_station_id WHERE s.name = :n")
                .bind("n", name)
                .mapTo(Long.class)
                .one());
  }

  private static long scalar(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** Every imported row of every table the import writes, with its timestamps. */
  private static List<Map<String, Object>> snapshot(TestDatabase test) {
    try (Database db = Database.open(test.url())) {
      return db.jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "SELECT 'e' AS t, id AS a, source_hash AS b, updated_at AS c FROM events"
                              + " UNION ALL SELECT 's', id, name, updated_at FROM police_stations"
                              + " UNION ALL SELECT 'n', station_id, variant, 0 FROM"
                              + " police_station_names UNION ALL SELECT 'm', event_id, raw_text,"
                              + " position FROM event_station_mentions ORDER BY 1, 2, 3, 4")
                      .mapToMap()
                      .list());
    }
  }
}
