package org.vigil.cases;

import java.util.List;

/**
 * What the public may know of one event's detainees: how many distinct people were confirmed and
 * how many reported but not yet verified (counted apart, never added together), the police stations
 * the confirmed ones were taken to, and the names of those whose verified consent lets them out, as
 * far as it does (full name, or initials only). Nobody else is named.
 */
public record PublicDetainees(
    long confirmed, long unconfirmed, List<StationCount> stations, List<String> names) {

  public PublicDetainees {
    stations = List.copyOf(stations);
    names = List.copyOf(names);
  }

  /** People taken to one police station, confirmed or counted by a published source. */
  public record StationCount(String stationId, String name, long people) {}
}
