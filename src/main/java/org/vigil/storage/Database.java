package org.vigil.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/**
 * Vigil's database: a connection pool on SQLite (embedded, one machine) or PostgreSQL (several
 * nodes), migrated to the current schema when opened.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(pool);
    ColumnTypes.register(jdbi);
  }

  /** Opens the database at a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}). */
  public static Database open(String url) {
    Dialect dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("vigil-" + dialect.name().toLowerCase());
    switch (dialect) {
      case SQLITE -> configureSqlite(config, url);
      case POSTGRESQL -> config.setMaximumPoolSize(16);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool, dialect);
      return new Database(pool, dialect);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The JDBC URL of the embedded database kept in a data directory. */
  public static String sqliteUrl(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e, e);
    }
    return "jdbc:sqlite:" + dataDir.resolve("vigil.db").toAbsolutePath();
  }

  private static void configureSqlite(HikariConfig config, String url) {
    if (url.contains(":memory:") || url.contains("mode=memory")) {
      throw new IllegalArgumentException("an in-memory database would lose every report on exit");
    }
    SQLiteConfig sqlite = new SQLiteConfig();
    // WAL lets readers run beside the single writer; FULL makes every commit reach the disk
    // before it returns, so an acknowledged report survives a power cut, not only a crash.
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(10_000);
    // 64 MiB of page cache (the default is 2 MiB): an import of a million events inserts into
    // indexes keyed by random ids, and with a small cache every insert rereads their pages.
    sqlite.setCacheSize(-65_536);
    // Write transactions take the write lock when they begin, so two writers (the server and a
    // CLI command) wait for each other instead of failing on a lock upgrade.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    sqlite.toProperties().forEach((k, v) -> config.addDataSourceProperty((String) k, v));
    config.setMaximumPoolSize(8);
  }

  private static void migrate(DataSource source, Dialect dialect) {
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
        .placeholders(dialect.placeholders())
        .load()
        .migrate();
  }

  /**
   * Refreshes the query planner's statistics of these tables. After a bulk load they describe
   * tables a million rows smaller, and plans chosen on them read far more than they need.
   */
  public void analyze(String... tables) {
    jdbi.useHandle(
        h -> {
          if (dialect == Dialect.SQLITE) {
            h.execute("PRAGMA analysis_limit = 1000"); // sampled, like PostgreSQL's
          }
          for (String table : tables) {
            h.execute("ANALYZE " + table);
          }
        });
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The two databases Vigil runs on, and the little SQL that differs between them. */
  public enum Dialect {
    SQLITE("sqlite", Map.of("blob", "BLOB", "double", "REAL")),
    POSTGRESQL("postgresql", Map.of("blob", "BYTEA", "double", "DOUBLE PRECISION"));

    private final String folder;
    private final Map<String, String> placeholders;

    Dialect(String folder, Map<String, String> placeholders) {
      this.folder = folder;
      this.placeholders = placeholders;
    }

    static Dialect of(String url) {
      if (url.startsWith("jdbc:sqlite:")) return SQLITE;
      if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
      throw new IllegalArgumentException(
          "unsupported database URL '" + url + "': use jdbc:sqlite:FILE or jdbc:postgresql://…");
    }

    String folder() {
      return folder;
    }

    Map<String, String> placeholders() {
      return placeholders;
    }
  }
}
