package org.vigil.ovdinfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row exactly as the file has it, kept as the event's source. The header is shared by all rows of
 * a file, so a million rows do not carry a million copies of it.
 */
public record SourceRow(List<String> header, List<String> cells) {
  public SourceRow {
    header = List.copyOf(header);
    cells = List.copyOf(cells);
  }

  /** Header name to cell, in the file's column order; a repeated header name gets `#column`. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = header.get(i);
      map.put(map.containsKey(name) ? name + "#" + (i + 1) : name, cells.get(i));
    }
    return map;
  }
}
