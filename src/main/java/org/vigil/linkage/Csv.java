package org.vigil.linkage;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.vigil.opendata.CsvCells;

/**
 * The linkage files, UTF-8 and RFC 4180: reports in, clusters out, the truth for evaluation. A row
 * that cannot be used is reported with its line number and reason, and skipped.
 */
final class Csv {
  static final List<String> REPORT_HEADER =
      List.of("report_id", "name", "birth_year", "city", "detained_on", "police_station", "source");
  static final List<String> CLUSTER_HEADER = List.of("report_id", "person_id");
  private static final int OLDEST_BIRTH_YEAR = 1900;

  /** A row that was skipped, and why. */
  record BadRow(long line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  /** Not a CSV file linkage can read at all. */
  static final class UnreadableFile extends IOException {
    UnreadableFile(String message) {
      super(message);
    }
  }

  private Csv() {}

  /** Reads reports; each bad row goes to {@code badRows} and is left out of the result. */
  static List<ReportFacts> readReports(Path file, Consumer<BadRow> badRows) throws IOException {
    List<ReportFacts> reports = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    Map<String, LocalDate> days = new HashMap<>();
    try (CsvReader<CsvRecord> reader = reader(file)) {
      Iterator<CsvRecord> rows = reader.iterator();
      expectHeader(rows, REPORT_HEADER, file);
      long next = 2;
      try {
        while (rows.hasNext()) {
          CsvRecord row = rows.next();
          long line = row.getStartingLineNumber();
          next = lineAfter(row);
          try {
            ReportFacts report = report(row, days);
            Long earlier = firstLine.putIfAbsent(report.reportId(), line);
            if (earlier != null) {
              throw new IllegalArgumentException(
                  "duplicate report_id " + report.reportId() + " (first on line " + earlier + ")");
            }
            reports.add(report);
          } catch (IllegalArgumentException e) {
            badRows.accept(new BadRow(line, e.getMessage()));
          }
        }
      } catch (CsvParseException e) {
        badRows.accept(notCsv(next, e));
      }
    }
    return reports;
  }

  /** Reads {@code report_id,person_id} pairs, as in the truth and the clusters files. */
  static Map<String, String> readAssignments(Path file, Consumer<BadRow> badRows)
      throws IOException {
    Map<String, String> assignments = new HashMap<>();
    try (CsvReader<CsvRecord> reader = reader(file)) {
      Iterator<CsvRecord> rows = reader.iterator();
      expectHeader(rows, CLUSTER_HEADER, file);
      long next = 2;
      try {
        while (rows.hasNext()) {
          CsvRecord row = rows.next();
          next = lineAfter(row);
          if (row.getFieldCount() != 2 || row.getField(0).isBlank() || row.getField(1).isBlank()) {
            badRows.accept(new BadRow(row.getStartingLineNumber(), "expected report_id,person_id"));
          } else {
            assignments.put(cell(row, 0), cell(row, 1));
          }
        }
      } catch (CsvParseException e) {
        badRows.accept(notCsv(next, e));
      }
    }
    return assignments;
  }

  static void writeAssignments(Path file, List<String> reportIds, List<String> personIds)
      throws IOException {
    try (CsvWriter writer = writer(file)) {
      writer.writeRecord(CLUSTER_HEADER);
      for (int i = 0; i < reportIds.size(); i++) {
        writer.writeRecord(CsvCells.text(reportIds.get(i)), CsvCells.text(personIds.get(i)));
      }
    }
  }

  static void writeReports(Path file, List<ReportFacts> reports) throws IOException {
    try (CsvWriter writer = writer(file)) {
      writer.writeRecord(REPORT_HEADER);
      for (ReportFacts r : reports) {
        writer.writeRecord(
            CsvCells.text(r.reportId()),
            CsvCells.text(r.name()),
            r.birthYear().isPresent() ? Integer.toString(r.birthYear().getAsInt()) : "",
            CsvCells.text(r.city()),
            r.detainedOn().map(LocalDate::toString).orElse(""),
            CsvCells.text(r.policeStation()),
            CsvCells.text(r.source()));
      }
    }
  }

  /** Protest days repeat across thousands of reports; each date is parsed once. */
  private static ReportFacts report(CsvRecord row, Map<String, LocalDate> days) {
    if (row.getFieldCount() != REPORT_HEADER.size()) {
      throw new IllegalArgumentException(
          "expected " + REPORT_HEADER.size() + " fields, found " + row.getFieldCount());
    }
    String id = cell(row, 0);
    String name = cell(row, 1);
    if (id.isEmpty()) {
      throw new IllegalArgumentException("empty report_id");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
    if (name.codePoints().noneMatch(Character::isLetter)) {
      throw new IllegalArgumentException("name has no letters: '" + name + "'");
    }
    return new ReportFacts(
        id,
        name,
        birthYear(row.getField(2).strip()),
        cell(row, 3),
        day(row.getField(4).strip(), days),
        cell(row, 5),
        cell(row, 6));
  }

  /** A text cell, as written before {@link CsvCells} made it safe for spreadsheets. */
  private static String cell(CsvRecord row, int field) {
    return CsvCells.read(row.getField(field).strip());
  }

  private static OptionalInt birthYear(String text) {
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int year = Integer.parseInt(text);
      if (year >= OLDEST_BIRTH_YEAR && year <= Year.now().getValue()) {
        return OptionalInt.of(year);
      }
    } catch (NumberFormatException e) {
      // reported below, like a year out of range
    }
    throw new IllegalArgumentException("birth_year is not a plausible year: '" + text + "'");
  }

  private static Optional<LocalDate> day(String text, Map<String, LocalDate> seen) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(seen.computeIfAbsent(text, LocalDate::parse));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("detained_on is not a date (YYYY-MM-DD): '" + text + "'");
    }
  }

  /**
   * A record fastcsv cannot read (a stray character after a closing quote) ends the reading: the
   * parser cannot resume after it. The rows before it stand; the rest is named as not read.
   */
  private static BadRow notCsv(long line, CsvParseException e) {
    String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return new BadRow(line, "not CSV from here on, the rest of the file is not read: " + why);
  }

  /** The line after a record, whose quoted cells may span several. */
  private static long lineAfter(CsvRecord row) {
    long breaks = 0;
    for (String field : row.getFields()) breaks += field.chars().filter(c -> c == '\n').count();
    return row.getStartingLineNumber() + breaks + 1;
  }

  private static void expectHeader(Iterator<CsvRecord> rows, List<String> header, Path file)
      throws UnreadableFile {
    List<String> found;
    try {
      if (!rows.hasNext()) {
        throw new UnreadableFile(
            file + " is empty; expected the header " + String.join(",", header));
      }
      found = rows.next().getFields().stream().map(f -> f.replace("\uFEFF", "").strip()).toList();
    } catch (CsvParseException e) {
      throw new UnreadableFile(file + ": the header is not CSV: " + notCsv(1, e).reason());
    }
    if (!found.equals(header)) {
      throw new UnreadableFile(
          file + ": expected the header " + String.join(",", header) + ", found " + found);
    }
  }

  private static CsvReader<CsvRecord> reader(Path file) throws IOException {
    return CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8);
  }

  private static CsvWriter writer(Path file) throws IOException {
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
  }
}
