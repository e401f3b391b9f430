package org.vigil.ovdinfo;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Small crafted tables for the tests, read from text. */
final class Csv {
  private Csv() {}

  static List<TableRow> read(String text, String region) throws LayoutException {
    List<TableRow> rows = new ArrayList<>();
    try (OvdInfoTable table = OvdInfoTable.open(new StringReader(text), region)) {
      table.forEachRow(rows::add);
    }
    return rows;
  }

  static List<EventRow> events(List<TableRow> rows) {
    return rows.stream().filter(EventRow.class::isInstance).map(EventRow.class::cast).toList();
  }

  static List<Rejected> rejected(List<TableRow> rows) {
    return rows.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
  }
}
