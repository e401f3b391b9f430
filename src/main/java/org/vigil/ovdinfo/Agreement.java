package org.vigil.ovdinfo;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the authorities agreed to the event. A tri-state: tables leave the cell empty when
 * OVD-Info did not know, and that must not read as "unauthorised".
 */
public enum Agreement {
  AUTHORISED,
  UNAUTHORISED,
  UNKNOWN;

  private static final Map<String, Agreement> SPELLINGS =
      Map.ofEntries(
          Map.entry("согласовано", AUTHORISED),
          Map.entry("согласована", AUTHORISED),
          Map.entry("согласованная", AUTHORISED),
          Map.entry("да", AUTHORISED),
          Map.entry("authorised", AUTHORISED),
          Map.entry("authorized", AUTHORISED),
          Map.entry("yes", AUTHORISED),
          Map.entry("не согласовано", UNAUTHORISED),
          Map.entry("не согласована", UNAUTHORISED),
          Map.entry("несогласовано", UNAUTHORISED),
          Map.entry("несогласованная", UNAUTHORISED),
          Map.entry("нет", UNAUTHORISED),
          Map.entry("unauthorised", UNAUTHORISED),
          Map.entry("unauthorized", UNAUTHORISED),
          Map.entry("no", UNAUTHORISED));

  /** The agreement a cell states, UNKNOWN for an empty cell, null for text that states none. */
  static Agreement parse(String cell) {
    Agreement exact = SPELLINGS.get(cell);
    if (exact != null) {
      return exact;
    }
    String text = cell.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return text.isEmpty() ? UNKNOWN : SPELLINGS.get(text);
  }
}
