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
import java.util.function.Predicate;
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

  private final StationSearch search;

  public PoliceStations(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.search = new StationSearch(() -> list(null, null));
  }

  /**
   * Listed stations a name of which has a word starting with what was typed, in Cyrillic or Latin;
   * those {@code near} accepts (e.g. in the caller's city) first; at most {@code limit}. New and
   * changed stations show within half a minute on other nodes, at once on this one.
   */
  public List<PoliceStation> suggest(String typed, Predicate<PoliceStation> near, int limit) {
    return search.suggest(typed, near, limit);
  }

  public PoliceStation create(
      String name, String city, String address, Double latitude, Double longitude) {
    return create(new PoliceStation.Input(name, city, address, latitude, longitude, List.of()));
  }

  PoliceStation create(PoliceStation.Input in) {
    String id = jdbi.inTransaction(h -> insert(h, in));
    idsByName.invalidateAll();
    search.forget();
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
    search.forget();
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

  /** Stations merged into another, by name: the merges a coordinator may undo. */
  public List<PoliceStation> merged() {
    List<String> ids =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM police_stations WHERE merged_into IS NOT NULL ORDER BY name")
                    .mapTo(String.class)
                    .list());
    return ids.stream().map(id -> find(id).orElseThrow()).toList();
  }

  public Optional<PoliceStation> find(String id) {
    return list(id, null).stream().findFirst();
  }

  /** The stations listed now (merged ones are not), by city and name. */
  public List<PoliceStation> listed() {
    return list(null, null);
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
                  SELECT id, name, city, address, latitude, longitude, merged_into, created_at,
                    updated_at
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
                          rs.getString("merged_into"),
                          java.time.Instant.ofEpochMilli(rs.getLong("created_at")),
                          java.time.Instant.ofEpochMilli(rs.getLong("updated_at"))))
              .stream()
              .filter(s -> city == null || key(city).equals(key(s.city() == null ? "" : s.city())))
              .collect(Collectors.toCollection(ArrayList::new));
        });
  }

  /**
   * A coordinator's merge: {@code id} becomes part of {@code into}, with its spellings, its
   * mentions in imported events and its detentions; later imports follow it there. Every row the
   * merge moves is listed with the decision, so that {@link #unmerge} moves exactly those back.
   * Only a station that is not merged may be merged, and only into one that is not: so merges never
   * form a cycle, and a chain of merges always ends at a listed station.
   *
   * @throws IllegalStateException if either station is already merged, or they are the same
   */
  public void merge(String id, String into, String decidedBy) {
    jdbi.useTransaction(
        h -> {
          requireUnmerged(h, id, "the station");
          requireUnmerged(h, into, "the station merged into");
          if (id.equals(into))
            throw new IllegalStateException("a station cannot merge into itself");
          String decision = record(h, "MERGE", id, into, List.of(), decidedBy);
          var moves =
              h.prepareBatch(
                  "INSERT INTO police_station_merge_moves (decision_id, kind, ref) VALUES (?, ?, ?)");
          List<String> intoNames = names(h, into);
          for (String variant : names(h, id)) {
            moves.add(
                decision, intoNames.contains(variant) ? "NAME_SHARED" : "NAME_MOVED", variant);
          }
          rows(
                  h,
                  "SELECT event_id || '/' || position FROM event_station_mentions",
                  "police_station_id",
                  id)
              .forEach(ref -> moves.add(decision, "MENTION", ref));
          rows(h, "SELECT id FROM detentions", "police_station_id", id)
              .forEach(ref -> moves.add(decision, "DETENTION", ref));
          rows(
                  h,
                  "SELECT from_station || '/' || variant FROM police_station_splits",
                  "to_station",
                  id)
              .forEach(ref -> moves.add(decision, "SPLIT", ref));
          rows(h, "SELECT id FROM police_stations", "merged_into", id)
              .forEach(ref -> moves.add(decision, "STATION", ref));
          boolean copiesLocation =
              h.createQuery(
                      """
                      SELECT 1 FROM police_stations a, police_stations b
                      WHERE a.id = :into AND a.latitude IS NULL AND b.id = :id
                        AND b.latitude IS NOT NULL""")
                  .bind("into", into)
                  .bind("id", id)
                  .mapTo(Integer.class)
                  .findOne()
                  .isPresent();
          if (copiesLocation) moves.add(decision, "LOCATION", into);
          moves.execute();
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
          if (copiesLocation) {
            h.execute(
                """
                UPDATE police_stations SET address = (SELECT address FROM police_stations WHERE id = ?),
                  latitude = (SELECT latitude FROM police_stations WHERE id = ?),
                  longitude = (SELECT longitude FROM police_stations WHERE id = ?)
                WHERE id = ?""",
                id,
                id,
                id,
                into);
          }
        });
    idsByName.invalidateAll();
    search.forget();
  }

  /**
   * Undoes the merge of {@code id}: it is listed again, and the spellings, mentions, detentions,
   * splits and stations its merge moved come back to it, unless a later decision moved them on. The
   * merge stays on record, marked undone.
   *
   * @throws IllegalStateException if the station is not merged
   */
  public PoliceStation unmerge(String id, String decidedBy) {
    jdbi.useTransaction(
        h -> {
          String root =
              h.createQuery("SELECT merged_into FROM police_stations WHERE id = :id")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          if (root == null) throw new IllegalStateException("the station is not merged");
          String decision =
              h.createQuery(
                      """
                      SELECT id FROM police_station_decisions
                      WHERE kind = 'MERGE' AND station_id = :id AND undone_at IS NULL
                      ORDER BY decided_at DESC, id DESC""")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findFirst()
                  .orElse("");
          long now = System.currentTimeMillis();
          // A merge made before merges listed their moves has none: the station is listed again.
          for (var move :
              h.createQuery(
                      "SELECT kind, ref FROM police_station_merge_moves WHERE decision_id = :d")
                  .bind("d", decision)
                  .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                  .list()) {
            moveBack(h, move.getKey(), move.getValue(), id, root);
          }
          h.execute(
              "UPDATE police_stations SET merged_into = NULL, updated_at = ? WHERE id = ?",
              now,
              id);
          h.execute(
              "UPDATE police_station_decisions SET undone_at = ?, undone_by = ? WHERE id = ?",
              now,
              decidedBy,
              decision);
          record(h, "UNMERGE", id, root, List.of(), decidedBy);
        });
    idsByName.invalidateAll();
    search.forget();
    return find(id).orElseThrow();
  }

  /** Moves one row a merge moved from {@code id} back from where it is now, {@code root}. */
  private static void moveBack(Handle h, String kind, String ref, String id, String root) {
    switch (kind) {
      case "NAME_MOVED" -> {
        h.execute(
            "DELETE FROM police_station_names WHERE station_id = ? AND variant = ?", root, ref);
        insertName(h, id, ref);
      }
      case "NAME_SHARED" -> insertName(h, id, ref);
      case "MENTION" ->
          h.execute(
              """
              UPDATE event_station_mentions SET police_station_id = ?
              WHERE event_id || '/' || position = ? AND police_station_id = ?""",
              id,
              ref,
              root);
      case "DETENTION" ->
          h.execute(
              "UPDATE detentions SET police_station_id = ? WHERE id = ? AND police_station_id = ?",
              id,
              ref,
              root);
      case "SPLIT" ->
          h.execute(
              """
              UPDATE police_station_splits SET to_station = ?
              WHERE from_station || '/' || variant = ? AND to_station = ?""",
              id,
              ref,
              root);
      case "STATION" ->
          h.execute(
              "UPDATE police_stations SET merged_into = ? WHERE id = ? AND merged_into = ?",
              id,
              ref,
              root);
      case "LOCATION" ->
          // The location came from this station; the station it was copied to had none.
          h.execute(
              """
              UPDATE police_stations SET address = NULL, latitude = NULL, longitude = NULL
              WHERE id = ? AND latitude = (SELECT latitude FROM police_stations WHERE id = ?)
                AND longitude = (SELECT longitude FROM police_stations WHERE id = ?)""",
              ref,
              id,
              id);
      default -> throw new IllegalStateException("unknown merge move " + kind);
    }
  }

  private static void insertName(Handle h, String station, String variant) {
    h.execute(
        """
        INSERT INTO police_station_names (station_id, variant) VALUES (?, ?)
        ON CONFLICT (station_id, variant) DO NOTHING""",
        station,
        variant);
  }

  private static void requireUnmerged(Handle h, String station, String which) {
    h.createQuery("SELECT merged_into FROM police_stations WHERE id = :id")
        .bind("id", station)
        .mapTo(String.class)
        .findOne()
        .ifPresent(
            root -> {
              throw new IllegalStateException(which + " is merged into " + root + " already");
            });
  }

  private static List<String> names(Handle h, String station) {
    return h.createQuery("SELECT variant FROM police_station_names WHERE station_id = :s")
        .bind("s", station)
        .mapTo(String.class)
        .list();
  }

  private static List<String> rows(Handle h, String select, String column, String station) {
    return h.createQuery(select + " WHERE " + column + " = :s")
        .bind("s", station)
        .mapTo(String.class)
        .list();
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
    search.forget();
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

  private static String record(
      Handle h, String kind, String station, String other, List<String> variants, String by) {
    String id = Ids.next();
    h.createUpdate(
            """
            INSERT INTO police_station_decisions (id, kind, station_id, other_station, variants,
              decided_by, decided_at) VALUES (:id, :kind, :station, :other, :variants, :by, :now)""")
        .bind("id", id)
        .bind("kind", kind)
        .bind("station", station)
        .bind("other", other)
        .bind("variants", String.join("\n", variants))
        .bind("by", by)
        .bind("now", System.currentTimeMillis())
        .execute();
    return id;
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
