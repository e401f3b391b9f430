package org.vigil.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.SharedData;
import org.vigil.storage.Database;
import org.vigil.tally.Dimension;
import org.vigil.tally.Group;
import org.vigil.tally.Tallies;
import org.vigil.tally.TallyQuery;
import org.vigil.testing.Imports;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;
import picocli.CommandLine;

class OpenDataTest {
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path dir;

  private static final List<TallyQuery> COMPARED =
      List.of(
          TallyQuery.of(Dimension.REGION),
          TallyQuery.of(Dimension.REGION, Dimension.EVENT_TYPE),
          TallyQuery.of(Dimension.MONTH, Dimension.AGREEMENT),
          TallyQuery.of(Dimension.SUBJECT, Dimension.ORGANIZER),
          TallyQuery.of(Dimension.DAY, Dimension.CITY));

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void importingTheExportIntoAnEmptyDatabaseGivesIdenticalTallies(TestDatabase.Kind kind)
      throws Exception {
    Path events = dir.resolve("events.csv");
    Path stations = dir.resolve("stations.csv");
    try (TestDatabase original = TestDatabase.create(kind, dir.resolve("a"));
        TestDatabase copy = TestDatabase.create(kind, dir.resolve("b"))) {
      Imports.ovdinfo(
          original.url(),
          SharedData.detentions2013(),
          "--stations",
          SharedData.stations2013().toString());
      export(original, "--out", events.toString());
      export(original, "--table", "police_stations", "--out", stations.toString());

      String summary = Imports.ovdinfo(copy.url(), events, "--stations", stations.toString());

      assertThat(summary).contains("events created: 235").contains("rows rejected: 0");
      for (TallyQuery query : COMPARED) {
        assertThat(tally(copy, query)).as(query.toString()).isEqualTo(tally(original, query));
      }
      assertThat(stationTally(copy)).isEqualTo(stationTally(original));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void exportsCountPersonsButNeverNameThem(TestDatabase.Kind kind) throws Exception {
    Path table = dir.resolve("table.csv");
    Files.writeString(
        table,
        "Id,date,region,place,ovd,number_of_detentions,links\n"
            + "1,23.01.2021,Москва,Пушкинская площадь,ОВД Тверской,3,https://ovdinfo.org/a\n");
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Imports.ovdinfo(db.url(), table);
      try (TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
        String event = Imports.onlyEvent(server);
        String report =
            """
            {"name": "Аристарх Канарейкин", "birth_year": 1987, "contact": "+7 900 123-45-67",
             "city": "Москва", "event": "%s", "detained_at": "2021-01-23T14:05:00+03:00",
             "police_station": "ОВД Тверской", "text": "задержан у памятника",
             "source": "relative", "consent": "none"}"""
                .formatted(event);
        // Typed by a coordinator, so confirmed: only confirmed detentions are named detentions.
        assertThat(server.post("/api/reports", report, COORDINATOR).status()).isEqualTo(201);

        Response csv = server.get("/api/public/export.csv", null);
        Response json = server.get("/api/public/export.json", null);
        Response stations = server.get("/api/public/export.csv?table=police_stations", null);
        Response wrong = server.get("/api/public/export.csv?table=persons", null);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().toList())
            .hasSize(2)
            .first()
            .isEqualTo(
                "id,source_key,campaign_id,date,region,city,place,event_type,agreement,subject,"
                    + "organizer,description,ovd,station_counts_mismatch,named_detentions,"
                    + "unnamed_detentions,number_of_detentions,links,lat,lon");
        assertThat(csv.body())
            .contains(",2021-01-23,Москва,Москва,Пушкинская площадь,")
            .contains(",ОВД Тверской,false,1,3,4,https://ovdinfo.org/a,,");
        var exported = json.json().get("events").get(0);
        assertThat(exported.get("named_detentions").asLong()).isEqualTo(1);
        assertThat(exported.get("number_of_detentions").asLong()).isEqualTo(4);
        assertThat(json.json().get("police_stations").get(0).get("name").asText())
            .isEqualTo("ОВД Тверской");
        assertThat(stations.body()).startsWith("id,name,city,lon,lat,address,events,detentions");
        for (Response published : List.of(csv, json, stations)) {
          // Random ids are hex and may hold "1987" by chance; the birth year must not appear
          // anywhere else.
          assertThat(published.body().replaceAll(UUID_PATTERN, "<id>"))
              .doesNotContain("Канарейкин")
              .doesNotContain("Аристарх")
              .doesNotContain("123-45-67")
              .doesNotContain("1987")
              .doesNotContain("памятника");
        }
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
            .contains("\"table\"")
            .contains("must be events or police_stations");
      }
    }
  }

  private static void export(TestDatabase db, String... options) {
    StringWriter err = new StringWriter();
    String[] args = new String[options.length + 2];
    args[0] = "--db";
    args[1] = db.url();
    System.arraycopy(options, 0, args, 2, options.length);
    int status = new CommandLine(new ExportCommand()).setErr(new PrintWriter(err)).execute(args);
    assertThat(status).as(err.toString()).isZero();
  }

  private static List<Group> tally(TestDatabase db, TallyQuery query) {
    try (Database database = Database.open(db.url())) {
      return new Tallies(database.jdbi()).tally(query);
    }
  }

  /** Stations are new rows with new ids in the copy: compared by name. */
  private static List<List<Object>> stationTally(TestDatabase db) {
    return tally(db, TallyQuery.of(Dimension.REGION, Dimension.POLICE_STATION)).stream()
        .map(
            g ->
                List.<Object>of(
                    g.values().getFirst(), g.labels().get(1), g.events(), g.detentions()))
        .sorted((a, b) -> (a.get(0) + "/" + a.get(1)).compareTo(b.get(0) + "/" + b.get(1)))
        .toList();
  }
}
