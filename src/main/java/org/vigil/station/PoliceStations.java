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
    String id = Ids.next();
    long now = System.currentTimeMillis();
    jdbi.useTransaction(
        h -> {
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
        });
    idsByName.invalidateAll();
    return find(id).orElseThrow();
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
                  FROM police_stations WHERE CAST(:id AS TEXT) IS NULL OR id = :id
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
