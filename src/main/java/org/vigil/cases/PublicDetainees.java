package org.vigil.cases;

import java.util.List;

/**
 * What the public may know of one event's detainees: how many distinct people, how many of them
 * confirmed, the police stations they were taken to, and the names of those who consented, as far
 * as they consented (full name, or initials only). Nobody else is named.
 */
public record PublicDetainees(
    long people, long confirmed, List<StationCount> stations, List<String> names) {

  public PublicDetainees {
    stations = List.copyOf(stations);
    names = List.copyOf(names);
  }

  /** People taken to one police station, named or counted by a published source. */
  public record StationCount(String stationId, String name, long people) {}
}
