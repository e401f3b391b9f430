package org.vigil.ovdinfo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.vigil.station.StationDirectory;

/**
 * Times reading a large OVD-Info table against merely parsing its CSV, in one run, so that what the
 * import adds to the parse is visible apart from the disk and the machine (see
 * `bench/ovdinfo-parse.sh`).
 *
 * <pre>
 * java -cp vigil.jar org.vigil.ovdinfo.OvdInfoBenchmark generate FILE ROWS
 * java -cp vigil.jar org.vigil.ovdinfo.OvdInfoBenchmark measure FILE
 * </pre>
 */
public final class OvdInfoBenchmark {
  private static final long SEED = 2013;

  /** The first round warms up the JIT and the page cache; the best round is reported. */
  private static final int ROUNDS = 3;

  private OvdInfoBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Long.parseLong(args[2]));
    } else if (args.length == 2 && args[0].equals("measure")) {
      measure(Path.of(args[1]));
    } else {
      System.err.println("usage: OvdInfoBenchmark generate FILE ROWS | measure FILE");
      System.exit(64);
    }
  }

  private static void generate(Path file, long rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      SyntheticTable.write(out, rows, SEED);
    }
    System.out.printf("wrote %s: %d rows, %d MB%n", file, rows, Files.size(file) >> 20);
  }

  private static void measure(Path file) throws Exception {
    System.out.printf(
        "%s: %d MB, Java %s, %d cores%n",
        file,
        Files.size(file) >> 20,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    long rows = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      rows = parseOnly(file);
      long parsed = System.nanoTime();
      read(file, false);
      long read = System.nanoTime();
      read(file, true);
      long withStations = System.nanoTime();
      best[0] = Math.min(best[0], parsed - start);
      best[1] = Math.min(best[1], read - parsed);
      best[2] = Math.min(best[2], withStations - read);
    }
    report("CSV parse only", rows, best[0]);
    report("read to event rows", rows, best[1]);
    report("rows + station cells", rows, best[2]);
  }

  /** The floor: fastcsv splitting the file into records, nothing else. */
  static long parseOnly(Path file) throws IOException {
    long records = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = OvdInfoTable.csvReader(reader)) {
      for (CsvRecord record : csv) {
        records += record.getFieldCount() > 0 ? 1 : 0;
      }
    }
    return records - 1;
  }

  /** What the import does before storage: rows, keys, rejections, and the station directory. */
  private static void read(Path file, boolean stations) throws Exception {
    StationDirectory.Builder directory = StationDirectory.builder();
    long[] counts = new long[2];
    try (OvdInfoTable table =
        OvdInfoTable.open(Files.newBufferedReader(file, StandardCharsets.UTF_8), null)) {
      table.forEachRow(
          row -> {
            if (row instanceof EventRow event) {
              counts[0]++;
              if (stations) {
                directory.event(
                    event.naturalKey(),
                    event.region(),
                    event.policeStations(),
                    event.unnamedDetentions());
              }
            } else {
              counts[1]++;
            }
          });
    }
    if (counts[1] > 0) {
      throw new IllegalStateException(counts[1] + " rows of the generated table were rejected");
    }
    directory.build();
  }

  private static void report(String what, long rows, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-22s %,d rows in %.2f s = %,.0f rows/s%n",
        what,
        rows,
        seconds,
        rows / seconds);
  }
}
