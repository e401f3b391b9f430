package org.vigil.testing;

import java.util.Map;
import java.util.stream.Collectors;
import org.vigil.storage.Database;

/**
 * What the database plans for a query, as text: SQLite's EXPLAIN QUERY PLAN (one line per step),
 * PostgreSQL's EXPLAIN. Tests hold that a list reads its index rather than scanning a table.
 */
public final class QueryPlan {
  private QueryPlan() {}

  /**
   * The plan of {@code sql} with these named parameters. On PostgreSQL the tables are analysed
   * first and sequential scans are priced out, since on a test's few rows a scan is the cheapest
   * plan: what is shown is whether the index can serve the query, as it would on a large table.
   */
  public static String of(Database database, String sql, Map<String, Object> binds) {
    boolean sqlite = database.dialect() == Database.Dialect.SQLITE;
    return database
        .jdbi()
        .inTransaction(
            h -> {
              if (!sqlite) {
                h.execute("ANALYZE");
                h.execute("SET LOCAL enable_seqscan = off");
              }
              var query = h.createQuery((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql);
              binds.forEach(query::bind);
              return query
                  .map((rs, ctx) -> sqlite ? rs.getString("detail") : rs.getString(1))
                  .list()
                  .stream()
                  .collect(Collectors.joining("\n"));
            });
  }
}
