package org.vigil.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.vigil.storage.Database;

/**
 * A real, empty database for one test: an SQLite file in a temporary directory, or a fresh schema
 * in the machine's PostgreSQL (127.0.0.1:5432, user postgres, database test). Without PostgreSQL
 * the PostgreSQL half of a test is skipped on a laptop and fails under CI=true.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final Kind kind;
  private final String url;
  private final String schema;

  private TestDatabase(Kind kind, String url, String schema) {
    this.kind = kind;
    this.url = url;
    this.schema = schema;
  }

  public static TestDatabase create(Kind kind, Path dir) {
    return switch (kind) {
      case SQLITE -> new TestDatabase(kind, Database.sqliteUrl(dir), null);
      case POSTGRESQL -> postgres();
    };
  }

  private static TestDatabase postgres() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(POSTGRES)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("PostgreSQL at 127.0.0.1:5432 is required under CI=true: " + e.getMessage());
      }
      Assumptions.abort("PostgreSQL is not reachable: " + e.getMessage());
    }
    return new TestDatabase(Kind.POSTGRESQL, POSTGRES + "&currentSchema=" + schema, schema);
  }

  public Kind kind() {
    return kind;
  }

  public String url() {
    return url;
  }

  /** The PostgreSQL schema of this database (null on SQLite). */
  public String schema() {
    return schema;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws SQLException {
    if (schema == null) return;
    try (Connection c = DriverManager.getConnection(POSTGRES)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
