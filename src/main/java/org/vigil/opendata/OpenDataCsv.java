package org.vigil.opendata;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The open data as CSV (RFC 4180, UTF-8, ISO 8601 dates) in columns `vigil import ovdinfo` reads:
 * the events file imports as an event table, the stations file serves as its `--stations` layer.
 * Every column is described in docs/open-data.md. Text cells are safe to open in a spreadsheet
 * ({@link CsvCells}).
 */
public final class OpenDataCsv {
  private OpenDataCsv() {}

  public static void events(OpenData data, Writer out) {
    write(out, data::events, PublicEvent.FIELDS, PublicEvent::fields, "source_note");
  }

  public static void stations(OpenData data, Writer out) {
    write(out, data::stations, PublicStation.FIELDS, PublicStation::fields, null);
  }

  /**
   * @param folded a field written into the `links` cell after the links, as OVD-Info's links cells
   *     mix links and notes and the importer reads them apart again
   */
  private static <T> void write(
      Writer out,
      Consumer<Consumer<T>> rows,
      List<String> columns,
      Function<T, Map<String, Object>> fields,
      String folded) {
    CsvWriter csv = CsvWriter.builder().build(out);
    csv.writeRecord(columns.stream().filter(column -> !column.equals(folded)).toList());
    rows.accept(row -> csv.writeRecord(cells(fields.apply(row), folded)));
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> cells(Map<String, Object> values, String folded) {
    List<String> cells = new ArrayList<>(values.size());
    for (Map.Entry<String, Object> field : values.entrySet()) {
      if (field.getKey().equals(folded)) {
        continue;
      }
      Object value = field.getValue();
      if (value instanceof List<?> list) {
        List<Object> lines = new ArrayList<>(list);
        if (folded != null && values.get(folded) != null) {
          lines.add(values.get(folded));
        }
        cells.add(CsvCells.text(String.join("\n", lines.stream().map(Object::toString).toList())));
      } else {
        cells.add(CsvCells.of(value));
      }
    }
    return cells;
  }
}
