package org.vigil.tally;

import java.time.Instant;
import java.util.List;
import org.vigil.campaign.Campaign;

/**
 * The public figures of one campaign at one moment: distinct people, never reports, with confirmed
 * and unconfirmed apart, nationally and by city, day, hour and police station. {@code version}
 * grows with every change Vigil has seen, so a copy can tell whether it is still current.
 */
public record CampaignCount(
    Campaign campaign,
    long version,
    Instant countedAt,
    Figures total,
    List<Group> cities,
    List<Group> days,
    List<Group> hours,
    List<Group> stations) {

  public CampaignCount {
    cities = List.copyOf(cities);
    days = List.copyOf(days);
    hours = List.copyOf(hours);
    stations = List.copyOf(stations);
  }

  /**
   * People counted: {@code confirmed} were verified by a coordinator or come from a published
   * source's count; {@code unnamed} are the part of {@code confirmed} known only as such a count,
   * without names; {@code unconfirmed} wait for verification.
   */
  public record Figures(long confirmed, long unconfirmed, long unnamed) {
    public static final Figures NONE = new Figures(0, 0, 0);

    public long people() {
      return confirmed + unconfirmed;
    }

    Figures plus(Figures other) {
      return new Figures(
          confirmed + other.confirmed, unconfirmed + other.unconfirmed, unnamed + other.unnamed);
    }
  }

  /** One group: its key as written in open data, a readable label, and its figures. */
  public record Group(String key, String label, Figures figures) {}

  /** The groups of one dimension. */
  public List<Group> by(PublicDimension dimension) {
    return switch (dimension) {
      case CITY -> cities;
      case DAY -> days;
      case HOUR -> hours;
      case STATION -> stations;
    };
  }

  /** Cities where at least one person was detained. */
  public long cityCount() {
    return cities.stream().filter(g -> g.figures().people() > 0).count();
  }

  /** Whether the two say the same, whatever their versions and times. */
  public boolean sameFigures(CampaignCount other) {
    return other != null
        && total.equals(other.total)
        && cities.equals(other.cities)
        && days.equals(other.days)
        && hours.equals(other.hours)
        && stations.equals(other.stations);
  }
}
