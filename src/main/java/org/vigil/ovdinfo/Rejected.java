package org.vigil.ovdinfo;

/**
 * A row that could not be read as an event. It names the line and the column (as the file's header
 * spells it) so a coordinator can find and fix the cell; the rest of the file is still read.
 */
public record Rejected(long line, String column, String reason) implements TableRow {
  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + reason;
  }
}
