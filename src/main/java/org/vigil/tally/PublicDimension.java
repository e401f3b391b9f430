package org.vigil.tally;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the public tally groups a campaign's detainees by. */
public enum PublicDimension {
  /** The event's city (the report's, for a report attached to no event). */
  CITY,
  /** The event's date. */
  DAY,
  /** The hour of detention, as the UTC instant it starts: {@code 2021-01-23T09:00:00Z}. */
  HOUR,
  /** The police station the detainee was taken to, by its directory id. */
  STATION;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PublicDimension> parse(String code) {
    return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
  }
}
