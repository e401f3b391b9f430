package org.vigil.station;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.storage.Ids;
import org.vigil.storage.Rows;

/** The directory of police stations and the name variants under which sources report them. */
public final class PoliceStations {
  private final Jdbi jdbi;
  // Intake looks a station up for every report; the directory changes rarely. Changes made
  // here clear the cache at once, changes made by another node within a minute.
  private final Cache<String, Optional<String>> idsByName =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  public PoliceStations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public PoliceStation create(
      String name, String city, String address, Double latitude, Double longitude) {
    return create(new PoliceStation.Input(name, city, address, latitude, longitude, List.of()));
  }

  PoliceStation create(PoliceStation.Input in) {
    String id = jdbi.inTransaction(h -> insert(h, in));
    idsByName.invalidateAll();
    return find(id).orElseThrow();
  }

  private static String insert(Handle h, PoliceStation.Input in) {
    String id = Ids.next();
    long now = System.currentTimeMillis();
    h.createUpdate(
            """
            INSERT INTO police_stations (id, name, city, address, latitude, longitude,
              created_at, updated_at)
            VALUES (:id, :name, :city, :address, :latitude, :longitude, :now, :now)""")
        .bind("id", id)
        .bind("now", now)
        .bindMethods(in)
        .execute();
    saveVariants(h, id, in);
    return id;
  }

  void update(String id, PoliceStation.Input in) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  UPDATE police_stations SET name = :name, city = :city, address = :address,
                    latitude = :latitude, longitude = :longitude, updated_at = :now
                  WHERE id = :id""")
              .bind("id", id)
              .bind("now", System.currentTimeMillis())
              .bindMethods(in)
              .execute();
          h.execute("DELETE FROM police_station_names WHERE station_id = ?", id);
          saveVariants(h, id, in);
        });
    idsByName.invalidateAll();
  }

  // The canonical name is stored as a variant too, so one lookup finds a station by any name.
  private static void saveVariants(Handle h, String id, PoliceStation.Input in) {
    var names = new LinkedHashSet<String>();
    names.add(key(in.name()));
    in.variants().forEach(v -> names.add(key(v)));
    var batch =
        h.prepareBatch("INSERT INTO police_station_names (station_id, variant) VALUES (?, ?)");
    names.forEach(n -> batch.add(id, n));
    batch.execute();
  }

  public Optional<PoliceStation> find(String id) {
    return list(id, null).stream().findFirst();
  }

  List<PoliceStation> list(String id, String city) {
    return jdbi.withHandle(
        h -> {
          Map<String, List<String>> variants =
              Rows.grouped(
                  h.createQuery(
                          "SELECT station_id, variant FROM police_station_names"
                              + " WHERE CAST(:id AS TEXT) IS NULL OR station_id = :id")
                      .bind("id", id));
          return h
              .createQuery(
                  """
                  SELECT id, name, city, address, latitude, longitude, created_at, updated_at
                  FROM police_stations
                  WHERE (CAST(:id AS TEXT) IS NULL AND merged_into IS NULL) OR id = :id
                  ORDER BY city, name""")
              .bind("id", id)
              .map(
                  (rs, ctx) ->
                      new PoliceStation(
                          rs.getString("id"),
                          rs.getString("name"),
                          rs.getString("city"),
                          rs.getString("address"),
                          Rows.doubleOrNull(rs, "latitude"),
                          Rows.doubleOrNull(rs, "longitude"),
                          variants.getOrDefault(rs.getString("id"), List.of()),
                          java.time.Instant.ofEpochMilli(rs.getLong("created_at")),
                          java.time.Instant.ofEpochMilli(rs.getLong("updated_at"))))
              .stream()
              .filter(s -> city == null || key(city).equals(key(s.city() == null ? "" : s.city())))
              .collect(Collectors.toCollection(ArrayList::new));
        });
  }

  /**
   * A coordinator's merge: {@code id} becomes part of {@code into}, with its spellings, its
   * mentions in imported events and its detentions; later imports follow it there.
   */
  public void merge(String id, String into, String decidedBy) {
    jdbi.useTransaction(
        h -> {
          h.execute(
              """
              UPDATE police_station_names SET station_id = ? WHERE station_id = ?
                AND variant NOT IN (SELECT variant FROM police_station_names WHERE station_id = ?)""",
              into,
              id,
              into);
          h.execute("DELETE FROM police_station_names WHERE station_id = ?", id);
          h.execute(
              "UPDATE event_station_mentions SET police_station_id = ? WHERE police_station_id = ?",
              into,
              id);
          h.execute(
              "UPDATE detentions SET police_station_id = ? WHERE police_station_id = ?", into, id);
          h.execute(
              "UPDATE police_station_splits SET to_station = ? WHERE to_station = ?", into, id);
          // Stations merged into this one earlier now point at the new whole.
          h.execute(
              "UPDATE police_stations SET merged_into = ? WHERE merged_into = ? OR id = ?",
              into,
              id,
              id);
          h.execute(
              """
              UPDATE police_stations SET address = (SELECT address FROM police_stations WHERE id = ?),
                latitude = (SELECT latitude FROM police_stations WHERE id = ?),
                longitude = (SELECT longitude FROM police_stations WHERE id = ?)
              WHERE id = ? AND latitude IS NULL""",
              id,
              id,
              id,
              into);
          record(h, "MERGE", id, into, List.of(), decidedBy);
        });
    idsByName.invalidateAll();
  }

  /**
   * A coordinator's split: the spellings {@code variants} of station {@code id} name another
   * station, made here with {@code name}; the mentions and detentions written so move to it, and
   * later imports put them there too. Returns the new station.
   */
  public PoliceStation split(String id, String name, List<String> variants, String decidedBy) {
    PoliceStation original = find(id).orElseThrow();
    List<String> keys = variants.stream().map(PoliceStations::key).distinct().toList();
    // One transaction: a split half done would leave the spellings on both stations.
    String created =
        jdbi.inTransaction(
            h -> {
              String newId =
                  insert(
                      h,
                      new PoliceStation.Input(name, original.city(), null, null, null, variants));
              h.createUpdate(
                      "DELETE FROM police_station_names WHERE station_id = :id AND variant IN (<keys>)")
                  .bind("id", id)
                  .bindList("keys", keys)
                  .execute();
              var splits =
                  h.prepareBatch(
                      "INSERT INTO police_station_splits (from_station, variant, to_station) VALUES (?, ?, ?)"
                          + " ON CONFLICT (from_station, variant) DO UPDATE SET to_station = excluded.to_station");
              keys.forEach(k -> splits.add(id, k, newId));
              splits.execute();
              movePlaces(
                  h,
                  "event_station_mentions",
                  "raw_text",
                  "event_id || '/' || position",
                  id,
                  newId,
                  keys);
              movePlaces(h, "detentions", "police_station", "id", id, newId, keys);
              record(h, "SPLIT", id, newId, keys, decidedBy);
              return newId;
            });
    idsByName.invalidateAll();
    return find(created).orElseThrow();
  }

  /** Moves the rows of a station whose written name is one of the keys (compared in Java). */
  private static void movePlaces(
      Handle h,
      String table,
      String text,
      String rowKey,
      String from,
      String to,
      List<String> keys) {
    List<String> rows =
        h
            .createQuery(
                "SELECT "
                    + rowKey
                    + ", "
                    + text
                    + " FROM "
                    + table
                    + " WHERE police_station_id = :from")
            .bind("from", from)
            .map((rs, ctx) -> keys.contains(key(rs.getString(2))) ? rs.getString(1) : null)
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    for (String row : rows) {
      h.createUpdate("UPDATE " + table + " SET police_station_id = :to WHERE " + rowKey + " = :row")
          .bind("to", to)
          .bind("row", row)
          .execute();
    }
  }

  private static void record(
      Handle h, String kind, String station, String other, List<String> variants, String by) {
    h.createUpdate(
            """
            INSERT INTO police_station_decisions (id, kind, station_id, other_station, variants,
              decided_by, decided_at) VALUES (:id, :kind, :station, :other, :variants, :by, :now)""")
        .bind("id", Ids.next())
        .bind("kind", kind)
        .bind("station", station)
        .bind("other", other)
        .bind("variants", String.join("\n", variants))
        .bind("by", by)
        .bind("now", System.currentTimeMillis())
        .execute();
  }

  /** The station a report's free-text police station names, if the directory knows the name. */
  public Optional<String> idForName(String name) {
    if (name == null) return Optional.empty();
    return idsByName.get(
        key(name),
        key ->
            jdbi.withHandle(
                h ->
                    h.createQuery("SELECT station_id FROM police_station_names WHERE variant = :v")
                        .bind("v", key)
                        .mapTo(String.class)
                        .findFirst()));
  }

  /** Variants are compared without case and with runs of spaces folded, as sources vary both. */
  static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
