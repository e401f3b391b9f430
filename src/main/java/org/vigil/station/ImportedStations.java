package org.vigil.station;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.storage.Ids;

/**
 * The directory's stations in the database, found again by their import key on every import. An
 * import creates a station with the directory's name and the layer's location, and later only adds
 * what is missing (a location, name variants): what a coordinator changed stays changed.
 */
public final class ImportedStations {
  private final Jdbi jdbi;
  private final Map<String, String> idsByKey = new HashMap<>();
  private Map<String, String> splits;

  public ImportedStations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The id of the station with the directory's {@code key}, created in {@code h}'s transaction if
   * it is not stored yet.
   *
   * @param station asked only for a station not met before in this import
   */
  public String id(Handle h, String key, Supplier<Station> station) {
    String known = idsByKey.get(key);
    return known != null ? known : id(h, station.get());
  }

  /**
   * The station a mention belongs to: the directory's station, unless a coordinator split the
   * mention's spelling off it.
   */
  public String id(Handle h, String key, String rawText, Supplier<Station> station) {
    String directoryStation = id(h, key, station);
    String split = splits(h).get(directoryStation + "\n" + PoliceStations.key(rawText));
    return split != null ? split : directoryStation;
  }

  private Map<String, String> splits(Handle h) {
    if (splits == null) {
      splits = new HashMap<>();
      h.createQuery("SELECT from_station, variant, to_station FROM police_station_splits")
          .map((rs, ctx) -> Map.entry(rs.getString(1) + "\n" + rs.getString(2), rs.getString(3)))
          .forEach(e -> splits.put(e.getKey(), e.getValue()));
    }
    return splits;
  }

  private String id(Handle h, Station station) {
    // A station a coordinator merged into another is found as that other one.
    String id =
        h.createQuery(
                "SELECT COALESCE(merged_into, id) FROM police_stations WHERE import_key = :key")
            .bind("key", importKey(station))
            .mapTo(String.class)
            .findFirst()
            .orElseGet(() -> insert(h, station));
    idsByKey.put(station.key(), id);
    return id;
  }

  /**
   * Forgets the ids known so far: after a rollback the stations it created no longer exist, and the
   * others are simply looked up again.
   */
  public void forget() {
    idsByKey.clear();
    splits = null;
  }

  /**
   * Stores every station of the directory, the layer's unnamed ones too, with locations where the
   * stored station has none and every spelling as a name variant.
   */
  public void save(StationDirectory directory) {
    jdbi.useTransaction(
        h -> {
          for (Station station : directory.stations()) {
            String id = id(h, station.key(), () -> station);
            locate(h, id, station.location());
            for (String variant : station.variants()) {
              h.execute(
                  "INSERT INTO police_station_names (station_id, variant) VALUES (?, ?)"
                      + " ON CONFLICT DO NOTHING",
                  id(h, station.key(), variant, () -> station),
                  PoliceStations.key(variant));
            }
          }
        });
  }

  private static String insert(Handle h, Station station) {
    String id = Ids.next();
    long now = System.currentTimeMillis();
    h.createUpdate(
            """
            INSERT INTO police_stations (id, name, city, created_at, updated_at, import_key)
            VALUES (:id, :name, :city, :now, :now, :key)""")
        .bind("id", id)
        .bind("name", station.name())
        .bind("city", station.region())
        .bind("now", now)
        .bind("key", importKey(station))
        .execute();
    locate(h, id, station.location());
    return id;
  }

  private static void locate(Handle h, String id, Location location) {
    if (location == null) {
      return;
    }
    h.createUpdate(
            """
            UPDATE police_stations SET address = :address, latitude = :lat, longitude = :lon,
              updated_at = :now
            WHERE id = :id AND latitude IS NULL""")
        .bind("id", id)
        .bind("address", location.address())
        .bind("lat", location.lat())
        .bind("lon", location.lon())
        .bind("now", System.currentTimeMillis())
        .execute();
  }

  private static String importKey(Station station) {
    return "ovdinfo:" + station.key();
  }
}
