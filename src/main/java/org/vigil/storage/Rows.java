package org.vigil.storage;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads nullable numbers the same way from both drivers (SQLite's getObject(…, type) throws). */
public final class Rows {
  private Rows() {}

  public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
