package org.vigil.ovdinfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.station.ImportedStations;
import org.vigil.station.PlacedCell;
import org.vigil.station.Placement;
import org.vigil.station.StationDirectory;
import org.vigil.storage.Batch;
import org.vigil.storage.Ids;

/**
 * Imported events in the database, upserted by natural key ({@code events.source_key}) in one
 * transaction per {@value #BATCH} rows, each with the places its police-station cell names. A row
 * whose stored hash equals its own is left alone, so re-importing a file writes nothing.
 */
public final class StoredEvents implements EventSink {
  /** Large enough to spread a commit's flush over many rows, small enough to bound memory. */
  private static final int BATCH = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS =
      "held_on, city, region, venue, kind, authorised, subject, organiser, description, links,"
          + " source_note, latitude, longitude, unnamed_detentions, source_row, source_hash,"
          + " station_cell, station_counts_mismatch, updated_at";

  private static final String INSERT =
      "INSERT INTO events (id, source_key, created_at, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_MENTION =
      "INSERT INTO event_station_mentions (event_id, position, raw_text, police_station_id,"
          + " non_station, detentions) VALUES (?, ?, ?, ?, ?, ?)";

  private static final String UPDATE =
      "UPDATE events SET ("
          + COLUMNS
          + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?";

  private final Jdbi jdbi;
  private final StationDirectory.Builder directory;
  private final ImportedStations stations;
  private final List<Pending> pending = new ArrayList<>(BATCH);
  private long created;
  private long updated;
  private long unchanged;
  private final List<Rejected> refused = new ArrayList<>();

  /**
   * @param directory receives every event's police-station cell, in file order, and says which
   *     station each mention is
   */
  public StoredEvents(Jdbi jdbi, StationDirectory.Builder directory, ImportedStations stations) {
    this.jdbi = jdbi;
    this.directory = directory;
    this.stations = stations;
  }

  private record Pending(EventRow event, PlacedCell cell, String sourceRow, String hash) {}

  @Override
  public void put(EventRow event) {
    PlacedCell cell =
        directory.place(
            event.naturalKey(), event.region(), event.policeStations(), event.unnamedDetentions());
    String sourceRow = json(event.source());
    pending.add(new Pending(event, cell, sourceRow, hash(event, cell, sourceRow)));
    if (pending.size() == BATCH) {
      flush();
    }
  }

  @Override
  public Stored finish() {
    flush();
    return new Stored(created, updated, unchanged, refused);
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      commit(pending);
    } catch (RuntimeException batchFailed) {
      // one row the database refuses (PostgreSQL takes no NUL in text) must not cost the others
      for (Pending row : pending) {
        try {
          commit(List.of(row));
        } catch (RuntimeException e) {
          refused.add(new Rejected(row.event().line(), "(row)", "not stored: " + e.getMessage()));
        }
      }
    }
    pending.clear();
  }

  /** Stores rows in one transaction and counts them once it has committed. */
  private void commit(List<Pending> rows) {
    try {
      long[] outcome = jdbi.inTransaction(h -> store(h, rows));
      created += outcome[0];
      updated += outcome[1];
      unchanged += outcome[2];
    } catch (RuntimeException | SQLException e) {
      stations.forget();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Created, updated and unchanged rows. */
  private long[] store(Handle h, List<Pending> rows) throws SQLException {
    long[] outcome = new long[3];
    Map<String, StoredRow> stored = storedRows(h, rows);
    try (Batch insert = new Batch(h, INSERT);
        Batch update = new Batch(h, UPDATE);
        Batch forget = new Batch(h, "DELETE FROM event_station_mentions WHERE event_id = ?");
        Batch mentions = new Batch(h, INSERT_MENTION)) {
      long now = System.currentTimeMillis();
      for (Pending row : rows) {
        StoredRow old = stored.get(row.event().naturalKey());
        String id;
        if (old == null) {
          id = Ids.next();
          List<Object> values = new ArrayList<>(List.of(id, row.event().naturalKey(), now));
          values.addAll(values(row, now));
          insert.add(values.toArray());
          outcome[0]++;
        } else if (old.hash().equals(row.hash())) {
          outcome[2]++;
          continue;
        } else {
          id = old.id();
          List<Object> values = values(row, now);
          values.add(id);
          update.add(values.toArray());
          forget.add(id);
          outcome[1]++;
        }
        addMentions(mentions, h, id, row.cell());
      }
      insert.execute();
      update.execute();
      forget.execute();
      mentions.execute();
    }
    return outcome;
  }

  private record StoredRow(String id, String hash) {}

  /** The stored events with the rows' keys, by key. */
  private static Map<String, StoredRow> storedRows(Handle h, List<Pending> rows) {
    Map<String, StoredRow> stored = new HashMap<>();
    h.createQuery("SELECT source_key, id, source_hash FROM events WHERE source_key IN (<keys>)")
        .bindList("keys", rows.stream().map(p -> p.event().naturalKey()).toList())
        .map(
            (rs, ctx) ->
                Map.entry(rs.getString(1), new StoredRow(rs.getString(2), rs.getString(3))))
        .forEach(e -> stored.put(e.getKey(), e.getValue()));
    return stored;
  }

  /** The values of {@link #COLUMNS}, in order. */
  private static List<Object> values(Pending row, long now) {
    EventRow e = row.event();
    List<Object> values = new ArrayList<>(20);
    values.add(e.date());
    // events.city is required; OVD-Info's 2013 table names regions only, so the region stands in
    values.add(e.city() != null ? e.city() : e.region());
    values.add(e.region());
    values.add(e.place());
    values.add(e.kind());
    values.add(authorised(e.agreement()));
    values.add(e.subject());
    values.add(e.organizer());
    values.add(e.description());
    values.add(json(e.links()));
    values.add(e.sourceNote());
    values.add(e.coordinates() == null ? null : e.coordinates().lat());
    values.add(e.coordinates() == null ? null : e.coordinates().lon());
    values.add((long) e.unnamedDetentions());
    values.add(row.sourceRow());
    values.add(row.hash());
    values.add(e.policeStations());
    values.add(row.cell().mismatch());
    values.add(now);
    return values;
  }

  private static Boolean authorised(Agreement agreement) {
    return switch (agreement) {
      case AUTHORISED -> true;
      case UNAUTHORISED -> false;
      case UNKNOWN -> null;
    };
  }

  private void addMentions(Batch mentions, Handle h, String eventId, PlacedCell cell)
      throws SQLException {
    int position = 0;
    for (Placement place : cell.placements()) {
      String key = place.stationKey();
      String stationId =
          key == null ? null : stations.id(h, key, place.rawText(), () -> directory.station(key));
      Long count = place.detentions() == null ? null : place.detentions().longValue();
      mentions.add(eventId, position++, place.rawText(), stationId, place.nonStation(), count);
    }
  }

  /**
   * What the import stores for the event, hashed: the source row, the values read from it (the
   * reader may read a cell better than it used to) and the stations its cell resolved to.
   */
  private static String hash(EventRow event, PlacedCell cell, String sourceRow) {
    String content = sourceRow + '\u0000' + event.atLine(0) + '\u0000' + cell;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("lists and maps of text always serialise", e);
    }
  }
}
