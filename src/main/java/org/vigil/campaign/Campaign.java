package org.vigil.campaign;

import java.time.Instant;
import java.time.LocalDate;

/** A national day (or days) of action, grouping the events of many cities. */
public record Campaign(
    String id,
    String title,
    LocalDate startsOn,
    LocalDate endsOn,
    String description,
    Instant createdAt,
    Instant updatedAt) {

  /** What a coordinator writes; the rest the system keeps. */
  public record Input(String title, LocalDate startsOn, LocalDate endsOn, String description) {}
}
