package org.vigil.station;

import java.time.Instant;
import java.util.List;

/**
 * A police station (ОВД / отдел полиции) detainees are taken to, with the spellings sources use for
 * it, so that reports naming it any of those ways find the same station. A station a coordinator
 * merged into another names it in {@code mergedInto}; it is no longer listed, and the merge can be
 * undone.
 */
public record PoliceStation(
    String id,
    String name,
    String city,
    String address,
    Double latitude,
    Double longitude,
    List<String> variants,
    String mergedInto,
    Instant createdAt,
    Instant updatedAt) {

  public record Input(
      String name,
      String city,
      String address,
      Double latitude,
      Double longitude,
      List<String> variants) {}
}
