package org.vigil.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.storage.Database;
import org.vigil.tally.TallyCommand;
import org.vigil.testing.Imports;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;
import picocli.CommandLine;

/**
 * A formula in a city, a label or a venue comes out of every CSV Vigil writes as text a spreadsheet
 * does not run (issue #12: `=HYPERLINK(…)` was served raw in tally.csv), and Vigil's own export
 * still imports back to the same values.
 */
class SpreadsheetSafeCsvTest {
  private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
  private static final String SAFE = "'" + FORMULA;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void formulas_in_the_open_data_and_the_tally_are_neutralised_and_read_back(TestDatabase.Kind kind)
      throws Exception {
    Path table = dir.resolve("table.csv");
    Files.writeString(
        table,
        """
        Id,date,region,city,place,subject,organizer,description,ovd,number_of_detentions,links,lat,lon
        1,23.01.2021,Москва,"=HYPERLINK(""http://x"",""y"")","=HYPERLINK(""http://x"",""y"")",@subject,+7 organiser,-12 градусов,ОВД Тверской,3,https://ovdinfo.org/a,55.76,-37.62
        2,24.01.2021,Москва,Москва,'=quoted already,Навальный,Штаб,обычное описание,ОВД Тверской,1,https://ovdinfo.org/b,,
        """,
        StandardCharsets.UTF_8);
    Path events = dir.resolve("events.csv");
    try (TestDatabase original = TestDatabase.create(kind, dir.resolve("a"));
        TestDatabase copy = TestDatabase.create(kind, dir.resolve("b"))) {
      Imports.ovdinfo(original.url(), table);
      run(new ExportCommand(), original, "--out", events.toString());

      NamedCsvRecord exported = row(Files.readString(events), "date", "2021-01-23");
      assertThat(exported.getField("city")).isEqualTo(SAFE);
      assertThat(exported.getField("place")).isEqualTo(SAFE);
      assertThat(exported.getField("subject")).isEqualTo("'@subject");
      assertThat(exported.getField("organizer")).isEqualTo("'+7 organiser");
      assertThat(exported.getField("description")).isEqualTo("'-12 градусов");
      // numbers Vigil computed stay numbers, a negative one too
      assertThat(exported.getField("unnamed_detentions")).isEqualTo("3");
      assertThat(exported.getField("lon")).isEqualTo("-37.62");
      // a table's '= is read as a spreadsheet shows it (=), and written safe again
      assertThat(row(Files.readString(events), "date", "2021-01-24").getField("place"))
          .isEqualTo("'=quoted already");

      try (TestVigil server = TestVigil.start(original, dir.resolve("keyset.json"))) {
        Response served = server.get("/api/public/export.csv", null);
        assertThat(row(served.body(), "date", "2021-01-23").getField("city")).isEqualTo(SAFE);
      }

      String tally = run(new TallyCommand(), original, "--by", "city,subject", "--format", "csv");
      NamedCsvRecord group = row(tally, "subject", "'@subject");
      assertThat(group.getField("city")).isEqualTo(SAFE);
      assertThat(group.getField("detentions")).isEqualTo("3");

      Imports.ovdinfo(copy.url(), events);
      Map<String, PublicEvent> byDate = new java.util.HashMap<>();
      try (Database database = Database.open(copy.url())) {
        new OpenData(database.jdbi()).events(e -> byDate.put(e.date(), e));
      }
      PublicEvent first = byDate.get("2021-01-23");
      assertThat(first.city()).isEqualTo(FORMULA);
      assertThat(first.place()).isEqualTo(FORMULA);
      assertThat(first.subject()).isEqualTo("@subject");
      assertThat(first.organizer()).isEqualTo("+7 organiser");
      assertThat(first.description()).isEqualTo("-12 градусов");
      assertThat(byDate.get("2021-01-24").place()).isEqualTo("=quoted already");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_formula_label_in_the_public_tally_csv_is_neutralised(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String campaign =
          server
              .post(
                  "/api/campaigns",
                  "{\"title\": \"23 января\", \"starts_on\": \"2021-01-23\", \"ends_on\": \"2021-01-24\"}",
                  COORDINATOR)
              .json()
              .get("id")
              .asText();
      String station = "{\"name\": %s, \"city\": \"Москва\"}".formatted(json(FORMULA));
      assertThat(server.post("/api/police-stations", station, COORDINATOR).status()).isEqualTo(201);
      Response report =
          server.post(
              "/api/reports",
              """
              {"name": "Пётр Сидоров", "campaign": "%s", "city": "Москва",
               "detained_at": "2021-01-23T14:05:00+03:00", "police_station": %s}"""
                  .formatted(campaign, json(FORMULA)),
              COORDINATOR);
      assertThat(report.status()).as(report.toString()).isEqualTo(201);

      Response csv = server.get("/api/public/tally.csv?by=station&campaign=" + campaign, null);
      assertThat(csv.status()).isEqualTo(200);
      NamedCsvRecord row = row(csv.body(), "label", SAFE);
      assertThat(row.getField("confirmed")).isEqualTo("1");
      assertThat(csv.body()).doesNotContain("," + FORMULA).doesNotContain(",\"=HYPERLINK");
      Response stations = server.get("/api/public/export.csv?table=police_stations", null);
      assertThat(row(stations.body(), "name", SAFE).getField("city")).isEqualTo("Москва");
    }
  }

  private static String json(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  /** The one row of {@code csv} whose {@code column} is {@code value}. */
  private static NamedCsvRecord row(String csv, String column, String value) {
    List<NamedCsvRecord> found = new ArrayList<>();
    CsvReader.builder()
        .ofNamedCsvRecord(csv)
        .forEach(
            r -> {
              if (r.getField(column).equals(value)) found.add(r);
            });
    assertThat(found).as(column + " = " + value + " in\n" + csv).hasSize(1);
    return found.getFirst();
  }

  private static String run(Object command, TestDatabase db, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("--db", db.url()));
    args.addAll(List.of(options));
    int status =
        new CommandLine(command)
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    assertThat(status).as(out + "\n" + err).isZero();
    return out.toString();
  }
}
