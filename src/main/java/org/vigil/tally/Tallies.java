package org.vigil.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Events and detentions counted by the database, grouped by any dimensions. Two queries: events
 * with their sourced unnamed counts, and distinct documented persons; their groups are joined here
 * so that a person detained at several events of a group counts once.
 */
public final class Tallies {
  private static final Comparator<String> NULLS_LAST =
      Comparator.nullsLast(Comparator.naturalOrder());

  private final Jdbi jdbi;

  public Tallies(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The groups, in order of their values (empty values last). */
  public List<Group> tally(TallyQuery query) {
    return jdbi.withHandle(
        h -> {
          Map<List<String>, Group> groups = new LinkedHashMap<>();
          for (Group g : run(h, eventsSql(query), query)) {
            groups.put(g.values(), g);
          }
          for (Group g : run(h, namedSql(query), query)) {
            groups.merge(g.values(), g, Tallies::withNamed);
          }
          List<Group> sorted = new ArrayList<>(groups.values());
          sorted.sort(Tallies::compare);
          return sorted;
        });
  }

  /** A group of events with the documented persons of the same group. */
  private static Group withNamed(Group events, Group persons) {
    return new Group(
        events.values(), events.labels(), events.events(), persons.named(), events.unnamed());
  }

  /** Events and unnamed detentions; by station, the counts the cells give each station. */
  private static String eventsSql(TallyQuery query) {
    boolean byStation = query.by().contains(Dimension.POLICE_STATION);
    String from =
        "events e"
            + (byStation
                ? " JOIN event_station_mentions m ON m.event_id = e.id"
                    + " AND m.police_station_id IS NOT NULL"
                    + " LEFT JOIN police_stations ps ON ps.id = m.police_station_id"
                : "")
            + campaigns(query);
    String counts =
        byStation
            ? "COUNT(DISTINCT e.id), SUM(COALESCE(m.detentions, 0)), 0"
            : "COUNT(*), SUM(e.unnamed_detentions), 0";
    return select(query, counts, from, "", "m.police_station_id");
  }

  /**
   * Distinct documented persons whose detention a coordinator confirmed, never a rejected or merged
   * one (the public figures count what the group stands behind); by station, the station their
   * detention records.
   */
  private static String namedSql(TallyQuery query) {
    boolean byStation = query.by().contains(Dimension.POLICE_STATION);
    // CROSS JOIN: SQLite then reads detentions first, looking each event up by its key, instead
    // of probing for detentions at every one of a million events (most have none)
    String from =
        "detentions d CROSS JOIN events e"
            + (byStation ? " LEFT JOIN police_stations ps ON ps.id = d.police_station_id" : "")
            + campaigns(query);
    return select(
        query,
        "0, 0, COUNT(DISTINCT d.person_id)",
        from,
        " AND e.id = d.event_id AND d.confirmed_at IS NOT NULL AND d.rejected_at IS NULL"
            + " AND d.merged_into IS NULL"
            + (byStation ? " AND d.police_station_id IS NOT NULL" : ""),
        "d.police_station_id");
  }

  private static String campaigns(TallyQuery query) {
    return query.by().contains(Dimension.CAMPAIGN)
        ? " LEFT JOIN campaigns c ON c.id = e.campaign_id"
        : "";
  }

  private static String select(
      TallyQuery query, String counts, String from, String condition, String station) {
    StringBuilder columns = new StringBuilder();
    StringBuilder groupBy = new StringBuilder();
    int position = 0;
    for (Dimension d : query.by()) {
      String value = d == Dimension.POLICE_STATION ? station : d.value();
      String label = d.label() == null ? "NULL" : d.label();
      columns.append(value).append(", ").append(label).append(", ");
      groupBy.append(position == 0 ? " GROUP BY " : ", ").append(position + 1);
      if (d.label() != null) {
        groupBy.append(", ").append(position + 2);
      }
      position += 2;
    }
    return "SELECT "
        + columns
        + counts
        + " FROM "
        + from
        + " WHERE 1 = 1"
        + filters(query)
        + condition
        + groupBy;
  }

  /**
   * Only the filters given, not `(:region IS NULL OR e.region = :region)`: with that form SQLite
   * cannot use the region index and a tally by station of one region read every mention (9 s).
   */
  private static String filters(TallyQuery query) {
    return (query.from() == null ? "" : " AND e.held_on >= :from")
        + (query.to() == null ? "" : " AND e.held_on <= :to")
        + (query.region() == null ? "" : " AND e.region = :region");
  }

  private static List<Group> run(Handle h, String sql, TallyQuery query) {
    Query statement = h.createQuery(sql);
    if (query.from() != null) {
      statement.bind("from", query.from().toString());
    }
    if (query.to() != null) {
      statement.bind("to", query.to().toString());
    }
    if (query.region() != null) {
      statement.bind("region", query.region());
    }
    int n = query.by().size();
    return statement
        .map(
            (rs, ctx) -> {
              String[] values = new String[n];
              String[] labels = new String[n];
              for (int i = 0; i < n; i++) {
                values[i] = rs.getString(2 * i + 1);
                labels[i] = rs.getString(2 * i + 2);
              }
              return new Group(
                  Arrays.asList(values),
                  Arrays.asList(labels),
                  rs.getLong(2 * n + 1),
                  rs.getLong(2 * n + 3),
                  rs.getLong(2 * n + 2));
            })
        .list();
  }

  private static int compare(Group a, Group b) {
    for (int i = 0; i < a.values().size(); i++) {
      int order = NULLS_LAST.compare(a.values().get(i), b.values().get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
