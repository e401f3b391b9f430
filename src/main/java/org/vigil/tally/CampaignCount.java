package org.vigil.tally;

import java.time.Instant;
import java.util.List;
import org.vigil.campaign.Campaign;

/**
 * The public figures of one campaign at one moment: distinct people, never reports, with confirmed
 * and unconfirmed apart, nationally and by city, day, hour and police station. The headline is the
 * confirmed figure: unconfirmed people are shown beside it, never added to it. {@code version}
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
   * source's count, and are the figure Vigil stands behind; {@code unnamed} are the part of {@code
   * confirmed} known only as such a count, without names; {@code unconfirmed} were reported but
   * wait for verification, and are never added to the confirmed.
   */
  public record Figures(long confirmed, long unconfirmed, long unnamed) {
    public static final Figures NONE = new Figures(0, 0, 0);

    Figures plus(Figures other) {
      return new Figures(
          confirmed + other.confirmed, unconfirmed + other.unconfirmed, unnamed + other.unnamed);
    }
  }

  /**
   * One group: its key as written in open data (a city's GeoNames id, a day, an hour, a police
   * station's id), how it reads in Russian ({@code label}) and in English, and its figures.
   */
  public record Group(String key, String label, String labelEn, Figures figures) {

    /** The label in a language: {@code en} or {@code ru}. */
    public String label(String language) {
      return language.equals("en") ? labelEn : label;
    }
  }

  /** The groups of one dimension. */
  public List<Group> by(PublicDimension dimension) {
    return switch (dimension) {
      case CITY -> cities;
      case DAY -> days;
      case HOUR -> hours;
      case STATION -> stations;
    };
  }

  /** Cities where at least one detention is confirmed: the cities of the headline. */
  public long cityCount() {
    return cities.stream().filter(g -> g.figures().confirmed() > 0).count();
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
