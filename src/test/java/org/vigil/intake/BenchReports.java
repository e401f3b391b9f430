package org.vigil.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.http.Fields;
import org.vigil.http.Json;

/**
 * The reports of {@code bench/intake.sh}: the linkage generator's {@code reports.csv} (many
 * persons, each reported several times, in the spellings of real reports) turned into one JSON
 * request body per line, which wrk sends and {@link IntakeCeiling} writes directly.
 *
 * <p>Usage: {@code BenchReports reports.csv bodies.jsonl}
 */
public final class BenchReports {
  private static final Map<String, String> SOURCES =
      Map.of(
          "self",
          "self",
          "relative",
          "relative",
          "witness",
          "witness",
          "lawyer",
          "lawyer",
          "press",
          "media");

  public static void main(String[] args) throws Exception {
    try (var csv = CsvReader.builder().ofNamedCsvRecord(Path.of(args[0]));
        BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (NamedCsvRecord row : csv) {
        out.write(Json.mapper().writeValueAsString(body(row)));
        out.newLine();
      }
    }
  }

  private static ObjectNode body(NamedCsvRecord row) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("name", row.getField("name"));
    if (!row.getField("birth_year").isEmpty())
      body.put("birth_year", Integer.parseInt(row.getField("birth_year")));
    if (!row.getField("city").isEmpty()) body.put("city", row.getField("city"));
    if (!row.getField("detained_on").isEmpty())
      body.put("detained_at", row.getField("detained_on") + "T14:05:00+03:00");
    if (!row.getField("police_station").isEmpty())
      body.put("police_station", row.getField("police_station"));
    body.put("source", SOURCES.getOrDefault(row.getField("source"), "other"));
    body.put("contact", "+7 900 000-00-00");
    body.put("text", "free text from the caller");
    body.put("consent", "none");
    return body;
  }

  /** Reads the bodies back as reports, through the same form the HTTP route uses. */
  static List<ReportContent> read(Path bodies) throws Exception {
    List<ReportContent> reports = new ArrayList<>();
    for (String line : Files.readAllLines(bodies, StandardCharsets.UTF_8)) {
      reports.add(ReportForm.read(Fields.of((ObjectNode) Json.mapper().readTree(line))));
    }
    return reports;
  }
}
