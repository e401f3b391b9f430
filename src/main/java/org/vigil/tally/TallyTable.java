package org.vigil.tally;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.opendata.CsvCells;

/**
 * A tally as columns and rows, the same for the API, CSV and the terminal: one column per dimension
 * (`police_station`, and `police_station_id` beside it for id dimensions), then `events`, `named`,
 * `unnamed`, `detentions`. An empty value is {@value #NOT_STATED}.
 */
public record TallyTable(List<String> columns, List<List<Object>> rows) {
  public static final String NOT_STATED = "(not stated)";

  public TallyTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public static TallyTable of(TallyQuery query, List<Group> groups) {
    List<String> columns = new ArrayList<>();
    for (Dimension d : query.by()) {
      if (d.label() != null) {
        columns.add(d.code() + "_id");
      }
      columns.add(d.code());
    }
    columns.addAll(List.of("events", "named", "unnamed", "detentions"));
    List<List<Object>> rows = new ArrayList<>();
    for (Group g : groups) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < query.by().size(); i++) {
        String value = g.values().get(i);
        if (query.by().get(i).label() != null) {
          row.add(value);
          row.add(stated(g.labels().get(i)));
        } else {
          row.add(stated(value));
        }
      }
      row.addAll(List.of(g.events(), g.named(), g.unnamed(), g.detentions()));
      rows.add(row);
    }
    return new TallyTable(columns, rows);
  }

  private static String stated(String value) {
    return value == null ? NOT_STATED : value;
  }

  /** Rows as objects keyed by column, for JSON. */
  public List<Map<String, Object>> objects() {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (List<Object> row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i), row.get(i));
      }
      objects.add(object);
    }
    return objects;
  }

  /** RFC 4180 CSV with a header row; text cells safe to open in a spreadsheet. */
  public String csv() {
    StringWriter text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().build(text)) {
      csv.writeRecord(columns);
      for (List<Object> row : rows) {
        csv.writeRecord(row.stream().map(CsvCells::of).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return text.toString();
  }

  /** Aligned columns for a terminal: text left, numbers right. */
  public String aligned() {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<Object> row : rows) {
        widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, new ArrayList<>(columns), widths);
    rows.forEach(row -> line(text, row, widths));
    return text.toString();
  }

  private static void line(StringBuilder text, List<?> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      Object cell = cells.get(i);
      String value = String.valueOf(cell);
      String pad = " ".repeat(widths[i] - value.length());
      text.append(i == 0 ? "" : "  ").append(cell instanceof Long ? pad + value : value + pad);
    }
    text.append('\n');
  }
}
