package org.vigil.map;

/**
 * Lambert conformal conic projection of the sphere, after J. P. Snyder, <i>Map Projections — A
 * Working Manual</i>, USGS Professional Paper 1395 (1987), pp. 104–107: equations (15-1) to (15-3)
 * for ρ, F and n, (14-4) for θ, (14-1) and (14-2) for x and y. On the unit sphere (R = 1), y
 * pointing north; the caller scales and flips for the screen.
 */
final class LambertConformalConic {
  private final double n;
  private final double f;
  private final double rho0;
  private final double lambda0;

  /**
   * @param parallel1 first standard parallel, degrees
   * @param parallel2 second standard parallel, degrees (differing from the first)
   * @param originLatitude latitude of the origin, degrees
   * @param centralMeridian central meridian, degrees east
   */
  LambertConformalConic(
      double parallel1, double parallel2, double originLatitude, double centralMeridian) {
    double phi1 = Math.toRadians(parallel1);
    double phi2 = Math.toRadians(parallel2);
    n = // (15-3)
        Math.log(Math.cos(phi1) / Math.cos(phi2)) / Math.log(halfTan(phi2) / halfTan(phi1));
    f = Math.cos(phi1) * Math.pow(halfTan(phi1), n) / n; // (15-2)
    rho0 = rho(Math.toRadians(originLatitude));
    lambda0 = Math.toRadians(centralMeridian);
  }

  /** {x, y} on the unit sphere, y north; not finite for the pole opposite the cone's apex. */
  double[] project(double latitude, double longitude) {
    double rho = rho(Math.toRadians(latitude));
    double theta = n * (Math.toRadians(longitude) - lambda0); // (14-4)
    return new double[] {rho * Math.sin(theta), rho0 - rho * Math.cos(theta)}; // (14-1), (14-2)
  }

  private double rho(double phi) {
    return f / Math.pow(halfTan(phi), n); // (15-1)
  }

  private static double halfTan(double phi) {
    return Math.tan(Math.PI / 4 + phi / 2);
  }
}
