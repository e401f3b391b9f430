package org.vigil.ovdinfo;

/** Where an event took place, in WGS 84 degrees, as OVD-Info's map layers give it. */
public record Coordinates(double lat, double lon) {
  public Coordinates {
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) { // NaN too
      throw new IllegalArgumentException("not a point on Earth: " + lat + ", " + lon);
    }
  }
}
