package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.intake.ConsoleData;
import org.vigil.linkage.BenchData;
import org.vigil.security.Vault;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The console benchmark's loader and driver on a small database: what {@code bench/console.sh} runs
 * at a million reports, here at 300, so that both keep working as the console grows.
 */
class ConsoleBenchTest {
  @TempDir Path dir;

  @Test
  void loads_reports_signs_in_and_measures_every_url_it_can() throws Exception {
    Path keyset = dir.resolve("keyset.json");
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir.resolve("db"));
        TestVigil server = TestVigil.start(db, keyset)) {
      Path data = dir.resolve("data");
      ConsoleData.load(
          server.vigil(), Vault.openOrCreate(keyset), BenchData.reports(100, 300, 5), data);
      int stored =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
      assertThat(stored).isEqualTo(300);
      // every report opened a case of a person; there are fewer persons than reports
      int persons =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT COUNT(*) FROM persons").mapTo(Integer.class).one());
      assertThat(persons).isBetween(50, 299);

      Path urls = dir.resolve("urls.txt");
      Files.writeString(
          urls,
          """
          # baseline first
          public /api/health
          operator /console/
          admin /console/admin
          coordinator /api/reports/{report}
          coordinator /api/persons/{person}
          coordinator /console/no-such-page-{name}
          operator /api/review
          operator POST max=5 /api/seen-today {"name": "{name}"}
          """);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      List<ConsoleBench.Measured> results =
          ConsoleBench.run(
              new ConsoleBench.Settings(
                  server.base(),
                  urls,
                  data.resolve("staff.tsv"),
                  data.resolve("ids.tsv"),
                  20,
                  3,
                  5,
                  30),
              new PrintStream(printed, true, StandardCharsets.UTF_8));
      Map<String, ConsoleBench.Measured> byPath =
          results.stream().collect(Collectors.toMap(m -> m.target().path(), Function.identity()));
      String table = printed.toString(StandardCharsets.UTF_8);

      assertThat(results.getFirst().target().path()).isEqualTo("/api/health");
      for (String measured :
          List.of(
              "/api/health",
              "/console/",
              "/console/admin",
              "/api/reports/{report}",
              "/api/persons/{person}")) {
        ConsoleBench.Measured m = byPath.get(measured);
        assertThat(m.skipped()).as(measured).isFalse();
        assertThat(m.millis()).as(measured).hasSize(20);
        assertThat(m.errors()).as(measured).isZero();
        assertThat(m.percentile(0.5)).isPositive().isLessThanOrEqualTo(m.percentile(0.99));
      }
      // a question asked by POST with the session's CSRF token, capped at its budget
      ConsoleBench.Measured seen = byPath.get("/api/seen-today");
      assertThat(seen.millis()).hasSize(5);
      assertThat(seen.errors()).isZero();
      // a page not on this server is skipped, and so is a route the role may not read
      assertThat(byPath.get("/console/no-such-page-{name}").skippedStatus()).isEqualTo(404);
      assertThat(byPath.get("/api/review").skippedStatus()).isEqualTo(403);
      assertThat(table)
          .contains("signed in as bench-operator", "signed in as bench-admin")
          .contains("| `coordinator /api/persons/{person}` | 20 |")
          .contains("| `coordinator /console/no-such-page-{name}` | skipped: 404 |");
    }
  }
}
