package org.vigil.station;

import java.util.Map;

/**
 * The regions of OVD-Info's 2013 data, by a central point. The map layer lists stations without a
 * region; a station belongs to the nearest region's centre. Needed because station names repeat
 * across regions: `ОП 1` is a station in both St Petersburg and Nizhny Novgorod.
 */
final class Regions {
  /** Farther than this from every centre (about 450 km), a station belongs to no known region. */
  private static final double MAX_DEGREES = 4;

  private static final Map<String, double[]> CENTRES =
      Map.of(
          "Москва", new double[] {55.7558, 37.6173},
          "Санкт-Петербург", new double[] {59.9386, 30.3141},
          "Нижний Новгород", new double[] {56.3269, 44.0059},
          "Воронеж", new double[] {51.6720, 39.1843});

  private Regions() {}

  /** The region nearest to the point, or null if none is near. */
  static String nearest(double lat, double lon) {
    String nearest = null;
    double best = MAX_DEGREES;
    for (Map.Entry<String, double[]> centre : CENTRES.entrySet()) {
      double dLat = lat - centre.getValue()[0];
      // a degree of longitude is shorter away from the equator
      double dLon = (lon - centre.getValue()[1]) * Math.cos(Math.toRadians(lat));
      double degrees = Math.hypot(dLat, dLon);
      if (degrees < best) {
        best = degrees;
        nearest = centre.getKey();
      }
    }
    return nearest;
  }
}
