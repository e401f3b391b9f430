package org.vigil.ovdinfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each known column sits in one file, found from its header. Columns may come in any order;
 * unknown columns are ignored for reading but kept in each row's source.
 */
record Layout(List<String> header, Map<Column, Integer> positions, List<String> ignored) {

  /** Without these a row is not an event with detentions; everything else is optional. */
  private static final List<Column> REQUIRED = List.of(Column.DATE, Column.DETENTIONS);

  static Layout detect(List<String> headerCells, boolean regionGiven) throws LayoutException {
    List<String> header =
        headerCells.stream().map(cell -> cell.replace("\uFEFF", "").strip()).toList();
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      Column column = Column.named(header.get(i));
      if (column == null || positions.containsKey(column)) {
        ignored.add(header.get(i));
      } else {
        positions.put(column, i);
      }
    }
    List<String> missing =
        REQUIRED.stream().filter(c -> !positions.containsKey(c)).map(Column::name).toList();
    if (!missing.isEmpty()) {
      throw new LayoutException(
          "not an OVD-Info event table: header " + header + " has no column for " + missing);
    }
    if (!positions.containsKey(Column.REGION) && !regionGiven) {
      throw new LayoutException("the file has no region column; give the region with --region");
    }
    return new Layout(header, Collections.unmodifiableMap(positions), List.copyOf(ignored));
  }

  boolean has(Column column) {
    return positions.containsKey(column);
  }

  /** The header name this file uses for a column, as rejections must name it. */
  String headerOf(Column column) {
    Integer position = positions.get(column);
    return position == null ? column.name().toLowerCase(Locale.ROOT) : header.get(position);
  }

  String describe() {
    String read =
        positions.keySet().stream()
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    return header.size()
        + " columns; read: "
        + read
        + (ignored.isEmpty() ? "" : "; kept only as source: " + String.join(", ", ignored));
  }
}
