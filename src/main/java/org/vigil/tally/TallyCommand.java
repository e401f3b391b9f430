package org.vigil.tally;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigil.StorageOptions;
import org.vigil.http.Json;
import org.vigil.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `vigil tally --by DIM[,DIM…] [--from D] [--to D] [--region R] [--format table|csv|json]`. */
@Command(
    name = "tally",
    mixinStandardHelpOptions = true,
    description = {
      "Count events and detentions (named + unnamed) by region, city, year, month, day,",
      "event_type, subject, organizer, agreement, police_station, campaign or event."
    })
public final class TallyCommand implements Callable<Integer> {
  @Option(names = "--by", paramLabel = "DIM[,DIM…]", description = "Dimensions to group by.")
  private String by;

  @Option(names = "--from", paramLabel = "D", description = "First day (yyyy-mm-dd).")
  private String from;

  @Option(names = "--to", paramLabel = "D", description = "Last day (yyyy-mm-dd).")
  private String to;

  @Option(names = "--region", paramLabel = "R", description = "Only events of this region.")
  private String region;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  private String format;

  @Mixin private StorageOptions storage;

  @Spec private CommandSpec spec;

  /** 0, or 2 with a message naming the option when an option cannot be used. */
  @Override
  public Integer call() throws Exception {
    TallyQuery query;
    try {
      query = TallyQuery.parse(by, from, to, region);
      if (!java.util.List.of("table", "csv", "json").contains(format)) {
        throw new InvalidParameter("format", "must be table, csv or json (got '" + format + "')");
      }
    } catch (InvalidParameter e) {
      spec.commandLine().getErr().println("vigil tally: --" + e.parameter() + " " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    TallyTable table;
    try (Database database = Database.open(storage.databaseUrl())) {
      table = TallyTable.of(query, new Tallies(database.jdbi()).tally(query));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case "csv" -> table.csv();
          case "json" ->
              Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(table.objects())
                  + "\n";
          default -> table.aligned();
        });
    out.flush();
    return 0;
  }
}
