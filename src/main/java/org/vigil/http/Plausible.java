package org.vigil.http;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * The ranges within which a year or date Vigil stores is plausible, each with its reason, in one
 * place. A value outside them is a typo (1900 for 1990, 2099 for 2019) or junk, and is refused with
 * the field named rather than counted.
 */
public final class Plausible {
  /**
   * The earliest date of a detention, an event or a campaign. Vigil documents detentions at
   * protests in post-Soviet Russia, and OVD-Info's own data begins in 2011: an earlier date in a
   * live report is a typo, and one such date once added a "1900-01-01" day to a campaign's count.
   */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);

  /** The oldest detainee: people of 90 and over have been detained; 110 leaves a margin. */
  public static final int OLDEST_AGE = 110;

  /**
   * The youngest detainee: a detainee is at least a small child. Children have been detained with
   * their parents at protests, babies have not; a birth year less than five years ago is a typo
   * (often the current year, or the year of the protest, in the wrong field).
   */
  public static final int YOUNGEST_AGE = 5;

  /** Events and campaigns are planned ahead, weeks or months, not decades ahead. */
  public static final Period PLANNED_AHEAD = Period.ofYears(1);

  /**
   * How far ahead of the server's clock a time may be: a reporter's phone may run ahead, or a time
   * be typed with the offset of the wrong zone. More than that is a time in the future.
   */
  public static final Duration CLOCK_AHEAD = Duration.ofHours(1);

  private Plausible() {}

  /** The earliest birth year of a detainee this year. */
  public static int earliestBirthYear() {
    return Year.now(ZoneOffset.UTC).getValue() - OLDEST_AGE;
  }

  /** The latest birth year of a detainee this year. */
  public static int latestBirthYear() {
    return Year.now(ZoneOffset.UTC).getValue() - YOUNGEST_AGE;
  }

  /** The latest moment of a detention or a timeline entry: now. */
  public static OffsetDateTime latestTime() {
    return OffsetDateTime.now().plus(CLOCK_AHEAD);
  }

  /** The earliest moment of a detention or a timeline entry. */
  public static OffsetDateTime earliestTime() {
    // the earliest of the day anywhere in Russia's zones: Kaliningrad (UTC+2) to Kamchatka (UTC+12)
    return EARLIEST_DATE.atStartOfDay().atOffset(ZoneOffset.ofHours(12));
  }

  /** The latest date an event or a campaign may be planned for. */
  public static LocalDate latestPlannedDate() {
    return LocalDate.now(ZoneOffset.UTC).plus(PLANNED_AHEAD);
  }
}
