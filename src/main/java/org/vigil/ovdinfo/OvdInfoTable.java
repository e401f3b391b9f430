package org.vigil.ovdinfo;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.opendata.CsvCells;

/**
 * An OVD-Info event table (CSV, RFC 4180: quoted cells may hold commas and line breaks) in any of
 * the layouts OVD-Info published, read row by row so that a million rows need no more memory than a
 * hash of each key. A bad row becomes a {@link Rejected} and reading goes on.
 */
public final class OvdInfoTable implements Closeable {
  private final CsvReader<CsvRecord> csv;
  private final CloseableIterator<CsvRecord> records;
  private final Layout layout;
  private final RowReader rowReader;
  private final SeenKeys seenKeys = new SeenKeys();

  private OvdInfoTable(
      CsvReader<CsvRecord> csv,
      CloseableIterator<CsvRecord> records,
      Layout layout,
      String defaultRegion) {
    this.csv = csv;
    this.records = records;
    this.layout = layout;
    this.rowReader = new RowReader(layout, defaultRegion);
  }

  /**
   * Reads the header and finds the layout from it.
   *
   * @param defaultRegion the region of rows whose table has no region column or an empty region
   *     cell; null if none was given
   * @throws LayoutException if the header lacks a date or detention count column, or the table has
   *     no region column and no default region is given
   */
  public static OvdInfoTable open(Reader reader, String defaultRegion) throws LayoutException {
    CsvReader<CsvRecord> csv = csvReader(reader);
    CloseableIterator<CsvRecord> records = csv.iterator();
    if (!records.hasNext()) {
      throw new LayoutException("the file is empty: no header");
    }
    List<String> cells = records.next().getFields();
    Layout layout = Layout.detect(cells, RowReader.blankToNull(defaultRegion) != null);
    return new OvdInfoTable(csv, records, layout, defaultRegion);
  }

  /** The whole table in memory: for the 2013 table's few hundred rows and for tests. */
  public static List<TableRow> readAll(Path file, String defaultRegion)
      throws IOException, LayoutException {
    List<TableRow> rows = new ArrayList<>();
    try (OvdInfoTable table =
        open(Files.newBufferedReader(file, StandardCharsets.UTF_8), defaultRegion)) {
      table.forEachRow(rows::add);
    }
    return rows;
  }

  /**
   * Lenient about cell counts (checked per row, to name the line) and about text after a closing
   * quote; strict RFC 4180 otherwise.
   */
  static CsvReader<CsvRecord> csvReader(Reader reader) {
    return CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true)
        .ofCsvRecord(reader);
  }

  /** What the header was read as, for the import summary. */
  public String layout() {
    return layout.describe();
  }

  /**
   * Hands every data row to {@code action} in file order. A row whose natural key an earlier row of
   * the same file already has is rejected: importing both would silently keep only one. Should the
   * CSV itself become unreadable (a quote never closed swallows the rest of the file), that is
   * reported as a last rejection; the rows before it stand.
   */
  public void forEachRow(Consumer<? super TableRow> action) {
    long line = 1;
    try {
      while (records.hasNext()) {
        CsvRecord record = records.next();
        line = record.getStartingLineNumber();
        action.accept(unique(rowReader.read(line, cells(record))));
      }
    } catch (CsvParseException e) {
      action.accept(
          new Rejected(line + 1, "(file)", "CSV unreadable from here on: " + e.getMessage()));
    }
  }

  /** The row's cells, without the quote Vigil's own export puts before formula-like text. */
  private static List<String> cells(CsvRecord record) {
    List<String> cells = record.getFields();
    for (String cell : cells) {
      if (cell.startsWith("'")) return cells.stream().map(CsvCells::read).toList();
    }
    return cells;
  }

  private TableRow unique(TableRow row) {
    if (row instanceof EventRow event) {
      long first = seenKeys.putIfAbsent(event.naturalKey(), event.line());
      if (first >= 0) {
        return new Rejected(
            event.line(),
            layout.headerOf(Column.ID),
            "the same event as line " + first + " (key " + event.naturalKey() + ")");
      }
    }
    return row;
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
