package org.vigil.opendata;

/**
 * The cells of every CSV file Vigil writes, made safe to open in a spreadsheet (OWASP's "CSV
 * Injection"): Excel, LibreOffice and Google Sheets run a cell that begins with {@code =}, {@code
 * +}, {@code -} or {@code @} as a formula ({@code =HYPERLINK("http://x","y")} sends a click
 * elsewhere; other formulas read other cells or start programs), and a leading tab or carriage
 * return is skipped before looking. Such a text cell is written with a {@code '} in front, which
 * spreadsheets show as text and do not display.
 *
 * <p>Only text is touched: cells that hold what people or sources wrote (a city, a label, a venue,
 * a name, an id typed into a file). Numbers Vigil computes itself (counts, coordinates, a
 * temperature of -12) are written as they are, so that they stay numbers.
 *
 * <p>{@link #read} undoes it, so a file Vigil wrote reads back identically: it drops one {@code '}
 * from a cell whose leading quotes are followed by one of those characters. To keep that exact, a
 * text that itself begins with quotes followed by one of them gets one more.
 */
public final class CsvCells {
  private CsvCells() {}

  /** A cell for {@code value}: text is made safe, anything else (a number) written as it is. */
  public static String of(Object value) {
    if (value == null) return "";
    return value instanceof CharSequence text ? text(text.toString()) : value.toString();
  }

  /** A text cell, with a {@code '} in front if a spreadsheet would take it for a formula. */
  public static String text(String value) {
    if (value == null) return "";
    return startsFormula(value) ? "'" + value : value;
  }

  /** The text {@link #text} wrote into {@code cell}. */
  public static String read(String cell) {
    return !cell.isEmpty() && cell.charAt(0) == '\'' && startsFormula(cell)
        ? cell.substring(1)
        : cell;
  }

  private static boolean startsFormula(String value) {
    int i = 0;
    while (i < value.length() && value.charAt(i) == '\'') i++;
    if (i == value.length()) return false;
    return switch (value.charAt(i)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }
}
