package org.vigil.cases;

import java.time.OffsetDateTime;
import org.vigil.campaign.Campaign;

/**
 * Why a detention is held apart from the public count until a coordinator places it. A detention
 * counts where it is known to belong: at an event (which gives its city and day), or in a city the
 * gazetteer knows on a day within its campaign. A free-text city nobody could resolve, a report
 * without a time or one dated outside the campaign never becomes a public row.
 */
public enum Hold {
  /** Its campaign is unknown: there is no campaign to count it in. */
  NO_CAMPAIGN,
  /** Its city did not resolve to a place in the gazetteer. */
  UNKNOWN_PLACE,
  /** It has no time, so no day within the campaign. */
  NO_TIME,
  /** It is dated outside its campaign's dates. */
  OUTSIDE_CAMPAIGN;

  /**
   * Why a detention is held, or null when it is counted.
   *
   * @param atEvent whether it is attached to an event of its campaign
   * @param placeId its city's gazetteer id, or null
   * @param detainedAt when it happened, or null
   */
  public static Hold of(
      Campaign campaign, boolean atEvent, String placeId, OffsetDateTime detainedAt) {
    if (campaign == null) return NO_CAMPAIGN;
    if (atEvent) return null;
    if (placeId == null) return UNKNOWN_PLACE;
    if (detainedAt == null) return NO_TIME;
    return campaign.contains(detainedAt.toLocalDate()) ? null : OUTSIDE_CAMPAIGN;
  }

  /** Whether a counted detention's time places it on the hourly chart: only within the campaign. */
  public static boolean hourly(Campaign campaign, OffsetDateTime detainedAt) {
    return detainedAt != null && campaign.contains(detainedAt.toLocalDate());
  }
}
