package org.vigil.campaign;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A national day (or days) of action, grouping the events of many cities. Without {@code endsOn} it
 * goes on. An admin may mark one campaign current ({@code markedCurrentAt}): the public pages show
 * it, and what names no campaign goes to it.
 */
public record Campaign(
    String id,
    String title,
    LocalDate startsOn,
    LocalDate endsOn,
    String description,
    Instant markedCurrentAt,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether a day falls within the campaign's dates. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
  }

  /** What a coordinator writes; the rest the system keeps. */
  public record Input(String title, LocalDate startsOn, LocalDate endsOn, String description) {}
}
