package org.vigil.ovdinfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vigil.storage.Database;
import org.vigil.tally.Dimension;
import org.vigil.tally.Tallies;
import org.vigil.tally.TallyQuery;
import picocli.CommandLine;

/**
 * Times `vigil import ovdinfo` of a large table into an empty database against merely parsing the
 * same file's CSV, in one run, then typical tallies over the imported events (see
 * `bench/import.sh`).
 *
 * <pre>
 * java -cp vigil.jar org.vigil.ovdinfo.ImportBenchmark FILE sqlite|postgresql [TALLY_RUNS]
 * </pre>
 */
public final class ImportBenchmark {
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String SCHEMA = "bench_import";

  /** What a monitor asks most: by region, a region's months, kinds and agreement, stations. */
  private static final List<TallyQuery> QUERIES =
      List.of(
          TallyQuery.of(Dimension.REGION),
          TallyQuery.parse("month", null, null, "Москва"),
          TallyQuery.parse("event_type,agreement", "2013-03-01", "2013-09-30", null),
          TallyQuery.parse("police_station", null, null, "Санкт-Петербург"));

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ImportBenchmark FILE sqlite|postgresql [TALLY_RUNS]");
      System.exit(64);
    }
    Path file = Path.of(args[0]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    String url = emptyDatabase(args[1]);

    long start = System.nanoTime();
    long rows = OvdInfoBenchmark.parseOnly(file);
    long parsed = System.nanoTime();
    String summary = importInto(file, url);
    long imported = System.nanoTime();
    double parseSeconds = (parsed - start) / 1e9;
    double importSeconds = (imported - parsed) / 1e9;
    System.out.print(summary.lines().limit(4).map(l -> "  " + l + "\n").reduce("", String::concat));
    System.out.printf(
        Locale.ROOT,
        "%s: parse only %,d rows in %.1f s (%,.0f rows/s); import %.1f s (%,.0f rows/s), %.1f× the"
            + " parse%n",
        args[1],
        rows,
        parseSeconds,
        rows / parseSeconds,
        importSeconds,
        rows / importSeconds,
        importSeconds / parseSeconds);
    tallies(url, runs);
    if (url.startsWith("jdbc:sqlite:")) {
      deleteDatabase(Path.of(url.substring("jdbc:sqlite:".length())));
    }
  }

  /** A million events take about 2 GB: not something to leave in the temporary directory. */
  private static void deleteDatabase(Path file) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    Files.delete(file.getParent());
  }

  private static String emptyDatabase(String kind) throws Exception {
    if (kind.equals("sqlite")) {
      return "jdbc:sqlite:" + Files.createTempDirectory("vigil-bench").resolve("vigil.db");
    }
    try (Connection c = DriverManager.getConnection(POSTGRES)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      c.createStatement().execute("CREATE SCHEMA " + SCHEMA);
    }
    // the driver folds a batch of INSERTs into multi-row statements: PostgreSQL's bulk path
    return POSTGRES + "&currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true";
  }

  private static String importInto(Path file, String url) {
    StringWriter out = new StringWriter();
    int status =
        new CommandLine(new OvdInfoImportCommand())
            .setOut(new PrintWriter(out))
            .execute(file.toString(), "--db", url);
    if (status != 0) {
      throw new IllegalStateException("import ended with status " + status + ":\n" + out);
    }
    return out.toString();
  }

  private static void tallies(String url, int runs) {
    try (Database database = Database.open(url)) {
      Tallies tallies = new Tallies(database.jdbi());
      for (TallyQuery query : QUERIES) {
        long[] nanos = new long[runs];
        int groups = tallies.tally(query).size(); // warm-up: plans, caches, JIT
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          tallies.tally(query);
          nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
            Locale.ROOT,
            "  tally %-60s %4d groups: median %7.1f ms, p99 %7.1f ms (%d runs)%n",
            describe(query),
            groups,
            nanos[runs / 2] / 1e6,
            nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
            runs);
      }
    }
  }

  private static String describe(TallyQuery query) {
    return "by="
        + String.join(",", query.by().stream().map(Dimension::code).toList())
        + (query.region() == null ? "" : " region=" + query.region())
        + (query.from() == null ? "" : " from=" + query.from() + " to=" + query.to());
  }
}
