package org.vigil.opendata;

import java.util.List;
import java.util.Map;

/**
 * A police station as published, with the events whose cells name it and the detainees those cells
 * put there (as OVD-Info's map layer counts them).
 */
public record PublicStation(
    String id,
    String name,
    String city,
    String address,
    Double lat,
    Double lon,
    long events,
    long detentions) {

  /**
   * The published fields' names, in column order: `name`, `lon`, `lat`, `address` and `detentions`
   * are what `import ovdinfo --stations` reads, as from OVD-Info's own map layer.
   */
  public static final List<String> FIELDS =
      List.of("id", "name", "city", "lon", "lat", "address", "events", "detentions");

  /** The published fields by name, in {@link #FIELDS} order. */
  public Map<String, Object> fields() {
    return OpenData.named(FIELDS, id, name, city, lon, lat, address, events, detentions);
  }
}
