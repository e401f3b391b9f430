package org.vigil.opendata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.vigil.storage.Rows;

/**
 * The open data Vigil publishes: events with their counts and sources, police stations with their
 * locations. Only catalogue tables are read, and persons only as a count per event, so nothing
 * personal can reach an export.
 */
public final class OpenData {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};

  private final Jdbi jdbi;

  public OpenData(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Every event, by date, handed over one at a time so that large exports stream. */
  public void events(Consumer<PublicEvent> each) {
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT e.*, COALESCE(n.named, 0) AS named FROM events e
                    LEFT JOIN (SELECT event_id, COUNT(DISTINCT person_id) AS named
                               FROM detentions WHERE event_id IS NOT NULL
                                 AND confirmed_at IS NOT NULL AND rejected_at IS NULL
                                 AND merged_into IS NULL
                               GROUP BY event_id) n
                      ON n.event_id = e.id
                    ORDER BY e.held_on, e.id""")
                .setFetchSize(1000)
                .map((rs, ctx) -> event(rs))
                .useStream(events -> events.forEach(each)));
  }

  /** Every police station, by city and name. */
  public void stations(Consumer<PublicStation> each) {
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id, s.name, s.city, s.address, s.latitude, s.longitude,
                      COUNT(DISTINCT m.event_id) AS events,
                      COALESCE(SUM(m.detentions), 0) AS detentions
                    FROM police_stations s
                    LEFT JOIN event_station_mentions m ON m.police_station_id = s.id
                    WHERE s.merged_into IS NULL
                    GROUP BY s.id, s.name, s.city, s.address, s.latitude, s.longitude
                    ORDER BY s.city, s.name, s.id""")
                .map(
                    (rs, ctx) ->
                        new PublicStation(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getString("city"),
                            rs.getString("address"),
                            Rows.doubleOrNull(rs, "latitude"),
                            Rows.doubleOrNull(rs, "longitude"),
                            rs.getLong("events"),
                            rs.getLong("detentions")))
                .useStream(stations -> stations.forEach(each)));
  }

  /** Values with their names, in order. */
  static Map<String, Object> named(List<String> names, Object... values) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      fields.put(names.get(i), values[i]);
    }
    return fields;
  }

  private static PublicEvent event(ResultSet rs) throws SQLException {
    boolean agreed = rs.getBoolean("authorised");
    Boolean authorised = rs.wasNull() ? null : agreed;
    return new PublicEvent(
        rs.getString("id"),
        rs.getString("source_key"),
        rs.getString("campaign_id"),
        rs.getString("held_on"),
        rs.getString("region"),
        rs.getString("city"),
        rs.getString("venue"),
        rs.getString("kind"),
        authorised,
        rs.getString("subject"),
        rs.getString("organiser"),
        rs.getString("description"),
        rs.getString("station_cell"),
        rs.getBoolean("station_counts_mismatch"),
        rs.getLong("named"),
        rs.getLong("unnamed_detentions"),
        links(rs.getString("links")),
        rs.getString("source_note"),
        Rows.doubleOrNull(rs, "latitude"),
        Rows.doubleOrNull(rs, "longitude"));
  }

  private static List<String> links(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, TEXTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("events.links is not a JSON array of text: " + json, e);
    }
  }
}
