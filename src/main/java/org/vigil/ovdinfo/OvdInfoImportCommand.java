package org.vigil.ovdinfo;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.StorageOptions;
import org.vigil.station.Discrepancy;
import org.vigil.station.ImportedStations;
import org.vigil.station.StationDirectory;
import org.vigil.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `vigil import ovdinfo FILE [--region R] [--stations LAYER] [--data DIR | --db URL]`: stores an
 * OVD-Info table's events and police stations and reports on every row.
 */
@Command(
    name = "ovdinfo",
    mixinStandardHelpOptions = true,
    description = {
      "Import an OVD-Info event table (CSV) in any of its published layouts.",
      "Importing the same file again changes nothing."
    })
public final class OvdInfoImportCommand implements Callable<Integer> {
  private static final int PROGRESS_EVERY = 1000;
  private static final int BAR_WIDTH = 40;

  /**
   * Discrepancies are listed up to this many: they are for checking sources by hand, unlike
   * rejected rows, which are all listed because they were not imported.
   */
  private static final int LISTED = 100;

  @Parameters(paramLabel = "FILE", description = "The table, UTF-8 CSV with a header row.")
  private Path file;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "Region of rows without one (tables without a region column need it).")
  private String region;

  @Option(
      names = "--stations",
      paramLabel = "LAYER",
      description = "OVD-Info's police-station layer (ovds.csv): locations for the stations named.")
  private Path stationLayer;

  @Mixin private StorageOptions storage;

  @Spec private CommandSpec spec;

  /** 0: all rows imported; 2: some rows rejected; 1: the file could not be read as a table. */
  @Override
  public Integer call() {
    try {
      ImportSummary summary = importFile();
      return summary.rejected().isEmpty() ? 0 : 2;
    } catch (NoSuchFileException e) {
      return fail("no such file");
    } catch (LayoutException | IOException e) {
      return fail(e.getMessage());
    }
  }

  private int fail(String reason) {
    err().println("vigil: " + file + ": " + reason);
    err().flush();
    return 1;
  }

  private ImportSummary importFile() throws IOException, LayoutException {
    StationDirectory.Builder stations = StationDirectory.builder();
    if (stationLayer != null) {
      stations.layer(stationLayer);
    }
    long size = Files.size(file);
    try (Database database = Database.open(storage.databaseUrl());
        CountingStream bytes = new CountingStream(Files.newInputStream(file));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8))) {
      Progress progress = onTerminal() ? new Progress(err(), bytes, size) : null;
      ImportedStations stationRows = new ImportedStations(database.jdbi());
      EventSink sink = new StoredEvents(database.jdbi(), stations, stationRows);
      ImportSummary summary =
          OvdInfoImport.run(reader, region, sink, rows -> draw(progress, rows), PROGRESS_EVERY);
      if (progress != null) {
        progress.finish();
      }
      StationDirectory directory = stations.build();
      stationRows.save(directory);
      database.analyze("events", "event_station_mentions", "police_stations");
      PrintWriter out = spec.commandLine().getOut();
      out.print(summary.format());
      out.print(stationSummary(directory));
      out.flush();
      return summary;
    }
  }

  /** What the police-station cells said, so that a coordinator sees what to check. */
  private static String stationSummary(StationDirectory directory) {
    StringBuilder text =
        new StringBuilder()
            .append("police stations: ")
            .append(directory.stations().stream().filter(s -> s.events() > 0).count())
            .append(" named, ")
            .append(directory.unlocated().size())
            .append(" without location")
            .append('\n')
            .append("not police stations: ")
            .append(directory.nonStations().size())
            .append('\n')
            .append("station counts that do not add up: ")
            .append(directory.discrepancies().size())
            .append('\n');
    List<Discrepancy> discrepancies = directory.discrepancies();
    for (Discrepancy d : discrepancies.subList(0, Math.min(discrepancies.size(), LISTED))) {
      text.append("  ")
          .append(d.eventKey())
          .append(": total ")
          .append(d.total())
          .append(", the cell states ")
          .append(d.stated())
          .append(d.saidInCell() ? " (so the cell notes)" : "")
          .append('\n');
    }
    if (discrepancies.size() > LISTED) {
      text.append("  … and ").append(discrepancies.size() - LISTED).append(" more\n");
    }
    return text.toString();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private static void draw(Progress progress, long rows) {
    if (progress != null) {
      progress.draw(rows);
    }
  }

  /**
   * A progress bar is for people watching; in a pipe or a log it would be noise. From Java 22
   * System.console() exists even when redirected and isTerminal() tells; on 21 a console exists
   * only on a terminal, and isTerminal() does not exist yet.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException java21) {
      return true;
    }
  }

  /** Draws `[##### ] 45% 123456 rows` over itself on the terminal. */
  private record Progress(PrintWriter out, CountingStream bytes, long size) {
    void draw(long rows) {
      int percent = size == 0 ? 100 : (int) Math.min(100, bytes.count * 100 / size);
      int filled = percent * BAR_WIDTH / 100;
      out.printf(
          "\r[%s%s] %3d%%  %d rows",
          "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), percent, rows);
      out.flush();
    }

    void finish() {
      out.println();
    }
  }

  /** Counts the bytes read, so progress is a share of the file even with multi-line cells. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
