package org.vigil.opendata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.StorageOptions;
import org.vigil.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `vigil export --format csv|json [--table events|police_stations] [--out FILE]`. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the open data: events with their counts and sources, police stations with their",
      "locations; no personal data. Columns: docs/open-data.md."
    })
public final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv or json (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(
      names = "--table",
      defaultValue = "events",
      description =
          "With csv: events (importable with `import ovdinfo`) or police_stations (its --stations"
              + " layer); json holds both (default: ${DEFAULT-VALUE}).")
  private String table;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  private Path out;

  @Mixin private StorageOptions storage;

  @Spec private CommandSpec spec;

  /** 0, or 2 with a message naming the option that cannot be used. */
  @Override
  public Integer call() throws IOException {
    String wrong =
        !format.equals("csv") && !format.equals("json")
            ? "--format must be csv or json (got '" + format + "')"
            : !table.equals("events") && !table.equals("police_stations")
                ? "--table must be events or police_stations (got '" + table + "')"
                : null;
    if (wrong != null) {
      spec.commandLine().getErr().println("vigil export: " + wrong);
      spec.commandLine().getErr().flush();
      return 2;
    }
    try (Database database = Database.open(storage.databaseUrl())) {
      OpenData data = new OpenData(database.jdbi());
      if (out == null) {
        write(data, spec.commandLine().getOut());
      } else {
        try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          write(data, file);
        }
      }
    }
    return 0;
  }

  private void write(OpenData data, Writer text) throws IOException {
    if (format.equals("json")) {
      OpenDataJson.write(data, text);
    } else if (table.equals("events")) {
      OpenDataCsv.events(data, text);
    } else {
      OpenDataCsv.stations(data, text);
    }
    text.flush();
  }
}
