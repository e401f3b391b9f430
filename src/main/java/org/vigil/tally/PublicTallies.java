package org.vigil.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.Hold;
import org.vigil.place.Gazetteer;
import org.vigil.tally.CampaignCount.Figures;
import org.vigil.tally.CampaignCount.Group;

/**
 * Counts each campaign's detainees for the public, once per change rather than once per reader: a
 * count is kept until {@link #changed()} says something was written, so a flood of readers costs a
 * map lookup each. A reader who finds the count stale is served it all the same while one
 * background recount runs, so reads never queue behind the database while reports pour in; the
 * figures lag the latest write by at most about one recount (and the live stream recounts within
 * 150 ms of every change). A person detained twice at one event (several reports the linker joined)
 * is one person there; a person detained in two cities counts in each city and once nationally.
 */
public final class PublicTallies implements AutoCloseable {
  /**
   * A campaign's detentions that may count: those at its events, and those its reports placed in no
   * event; rejected ones and ones merged into another detention of the same arrest never count.
   */
  private static final String DETENTIONS =
      """
      SELECT d.person_id, d.event_id, e.city, e.region, e.held_on, d.place_id, d.detained_at,
        d.police_station_id, ps.name, d.confirmed_at
      FROM events e JOIN detentions d ON d.event_id = e.id
        LEFT JOIN police_stations ps ON ps.id = d.police_station_id
      WHERE e.campaign_id = :campaign AND d.rejected_at IS NULL AND d.merged_into IS NULL
      UNION ALL
      SELECT d.person_id, NULL, NULL, NULL, NULL, d.place_id, d.detained_at,
        d.police_station_id, ps.name, d.confirmed_at
      FROM detentions d LEFT JOIN police_stations ps ON ps.id = d.police_station_id
      WHERE d.campaign_id = :campaign AND d.event_id IS NULL
        AND d.rejected_at IS NULL AND d.merged_into IS NULL""";

  /** How long the current campaign is taken as known: a new campaign is rare. */
  private static final long CURRENT_MILLIS = 1000;

  private final Jdbi jdbi;
  private final Campaigns campaigns;
  private final Gazetteer gazetteer;
  private final AtomicLong version = new AtomicLong();
  private final AtomicLong counted = new AtomicLong(-1);
  private final Map<String, CampaignCount> counts = new ConcurrentHashMap<>();
  private final Set<String> recounting = ConcurrentHashMap.newKeySet();
  private final ExecutorService recounter =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("public-recount").daemon(true).factory());
  private volatile Current current;

  /** Which campaign was current at a version. */
  private record Current(long version, long at, String campaignId) {}

  public PublicTallies(Jdbi jdbi, Campaigns campaigns, Gazetteer gazetteer) {
    this.jdbi = jdbi;
    this.campaigns = campaigns;
    this.gazetteer = gazetteer;
  }

  /** Something public may have changed: counts made before now are stale. */
  public void changed() {
    version.incrementAndGet();
  }

  /** Grows with every change: what a copy of anything public was made from. */
  public long version() {
    return version.get();
  }

  /**
   * The latest version any campaign was counted at: a copy made at this version or later is as
   * fresh as anything the live stream can have sent, since the stream sends only counts.
   */
  public long countedVersion() {
    return counted.get();
  }

  /** The count of the campaign the public pages show, if there is a campaign. */
  public Optional<CampaignCount> current() {
    long v = version.get();
    Current known = current;
    if (known == null || (known.version() != v && !young(known.at()))) {
      known =
          new Current(
              v, System.currentTimeMillis(), campaigns.current().map(Campaign::id).orElse(null));
      current = known;
    }
    return known.campaignId() == null ? Optional.empty() : count(known.campaignId());
  }

  /**
   * The count of a campaign, or empty if there is no such campaign. Only the first reader of a
   * campaign waits for its count; later ones get the latest, stale or not, and a stale one starts a
   * recount in the background.
   */
  public Optional<CampaignCount> count(String campaignId) {
    CampaignCount known = counts.get(campaignId);
    if (known == null) return fresh(campaignId);
    if (known.version() != version.get() && recounting.add(campaignId)) {
      try {
        recounter.execute(
            () -> {
              try {
                fresh(campaignId);
              } finally {
                recounting.remove(campaignId);
              }
            });
      } catch (RejectedExecutionException e) {
        recounting.remove(campaignId); // closing
      }
    }
    return Optional.of(known);
  }

  /** The count of a campaign as of now: what the live stream pushes. */
  public Optional<CampaignCount> fresh(String campaignId) {
    long v = version.get();
    CampaignCount known = counts.get(campaignId);
    if (known != null && known.version() == v) return Optional.of(known);
    return recount(campaignId, v);
  }

  private static boolean young(long millis) {
    return System.currentTimeMillis() - millis < CURRENT_MILLIS;
  }

  /** One recount at a time: readers arriving meanwhile wait for it rather than repeat it. */
  private synchronized Optional<CampaignCount> recount(String campaignId, long v) {
    CampaignCount known = counts.get(campaignId);
    if (known != null && known.version() >= v) return Optional.of(known);
    Optional<CampaignCount> fresh =
        campaigns.campaign(campaignId).map(c -> jdbi.withHandle(h -> count(h, c, v)));
    fresh.ifPresent(c -> counts.put(campaignId, c));
    counted.accumulateAndGet(v, Math::max);
    return fresh;
  }

  /**
   * One detainee at one event (or, outside events, in one city on one day): the earliest of their
   * reports' times, confirmed if any is. {@code hour} is null for a detention without a time within
   * the campaign: it counts, but on no hour of the chart.
   */
  private record Detainee(
      String personId,
      String city,
      LocalDate day,
      Instant hour,
      String stationId,
      String stationName,
      boolean confirmed) {

    Detainee with(Detainee other) {
      return new Detainee(
          personId,
          city,
          day,
          hour == null || (other.hour != null && other.hour.isBefore(hour)) ? other.hour : hour,
          stationId != null ? stationId : other.stationId,
          stationName != null ? stationName : other.stationName,
          confirmed || other.confirmed);
    }
  }

  /** A group's key and how it reads in Russian and in English. */
  private record Named(String key, String ru, String en) {
    static Named same(String key) {
      return new Named(key, key, key);
    }

    Named withName(String name) {
      return new Named(key, name, name);
    }
  }

  /** The key under which an event's city is counted, e.g. to link a city's row to its event. */
  public String cityKey(String city, String region) {
    return eventCity(city, region).key();
  }

  /** A city of the count: the gazetteer's place. */
  private Named city(String placeId) {
    return gazetteer
        .find(placeId)
        .map(p -> new Named(p.id(), p.nameRu(), p.nameEn()))
        .orElse(Named.same(placeId));
  }

  /**
   * An event's city. Events are entered by coordinators or imported from a published table, so an
   * event city the gazetteer does not know is still a city, under its own name.
   */
  private Named eventCity(String city, String region) {
    return gazetteer
        .resolve(city, region)
        .map(p -> new Named(p.id(), p.nameRu(), p.nameEn()))
        .orElse(Named.same(city));
  }

  private CampaignCount count(Handle h, Campaign campaign, long version) {
    Map<String, Named> cities = new HashMap<>();
    Collection<Detainee> detainees = detainees(h, campaign, cities);
    Map<String, Long> unnamedByCity = new HashMap<>();
    Map<String, Long> unnamedByDay = new HashMap<>();
    long unnamed = 0;
    for (var row :
        h.createQuery(
                """
                SELECT city, region, held_on, unnamed_detentions FROM events
                WHERE campaign_id = :campaign AND unnamed_detentions > 0""")
            .bind("campaign", campaign.id())
            .map(
                (rs, ctx) ->
                    new SourcedEvent(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
            .list()) {
      Named city = eventCity(row.city(), row.region());
      cities.putIfAbsent(city.key(), city);
      unnamedByCity.merge(city.key(), row.count(), Long::sum);
      unnamedByDay.merge(row.day(), row.count(), Long::sum);
      unnamed += row.count();
    }
    Map<String, Long> unnamedByStation = new HashMap<>();
    Map<String, String> stationNames = new HashMap<>();
    h.createQuery(
            """
            SELECT m.police_station_id, ps.name, SUM(m.detentions)
            FROM events e JOIN event_station_mentions m ON m.event_id = e.id
              JOIN police_stations ps ON ps.id = m.police_station_id
            WHERE e.campaign_id = :campaign AND m.detentions > 0
            GROUP BY m.police_station_id, ps.name""")
        .bind("campaign", campaign.id())
        .map((rs, ctx) -> new SourcedStation(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .forEach(
            row -> {
              unnamedByStation.put(row.id(), row.count());
              stationNames.put(row.id(), row.name());
            });
    detainees.forEach(d -> stationNames.putIfAbsent(d.stationId(), d.stationName()));

    Figures total = figures(detainees).plus(new Figures(unnamed, 0, unnamed));
    Comparator<Group> byConfirmed =
        Comparator.comparingLong((Group g) -> -g.figures().confirmed())
            .thenComparingLong(g -> -g.figures().unconfirmed())
            .thenComparing(Group::key);
    return new CampaignCount(
        campaign,
        version,
        Instant.now(),
        total,
        groups(detainees, Detainee::city, unnamedByCity, cities::get, byConfirmed),
        groups(
            detainees,
            d -> d.day().toString(),
            unnamedByDay,
            Named::same,
            Comparator.comparing(Group::key)),
        groups(
            detainees,
            d -> d.hour() == null ? null : d.hour().toString(),
            Map.of(),
            Named::same,
            Comparator.comparing(Group::key)),
        groups(
            detainees,
            Detainee::stationId,
            unnamedByStation,
            k -> Named.same(k).withName(stationNames.get(k)),
            byConfirmed));
  }

  /** People an event's published source counts without names. */
  private record SourcedEvent(String city, String region, String day, long count) {}

  /** People a published source counts, without names, at a police station. */
  private record SourcedStation(String id, String name, long count) {}

  /**
   * The campaign's detainees that count: a detention held apart (a city the gazetteer does not
   * know, no time, a time outside the campaign) counts nowhere until a coordinator places it.
   */
  private Collection<Detainee> detainees(Handle h, Campaign campaign, Map<String, Named> cities) {
    Map<String, Detainee> byPersonAndPlace = new HashMap<>();
    // Each detention row repeats its event's city and day: resolved and parsed once per event,
    // not once per detainee (a million of them in a campaign).
    Map<String, Named> eventCities = new HashMap<>();
    Map<String, LocalDate> eventDays = new HashMap<>();
    h.createQuery(DETENTIONS)
        .bind("campaign", campaign.id())
        .map(
            (rs, ctx) -> {
              String eventId = rs.getString(2);
              String detainedAt = rs.getString(7);
              OffsetDateTime at = detainedAt == null ? null : OffsetDateTime.parse(detainedAt);
              String placeId = rs.getString(6);
              if (Hold.of(campaign, eventId != null, placeId, at) != null) return null;
              Named city;
              LocalDate day;
              if (eventId != null) {
                String eventCity = rs.getString(3);
                String region = rs.getString(4);
                String heldOn = rs.getString(5);
                city = eventCities.computeIfAbsent(eventId, e -> eventCity(eventCity, region));
                day = eventDays.computeIfAbsent(eventId, e -> LocalDate.parse(heldOn));
              } else {
                city = city(placeId);
                day = at.toLocalDate();
              }
              cities.putIfAbsent(city.key(), city);
              Instant hour =
                  Hold.hourly(campaign, at) ? at.toInstant().truncatedTo(ChronoUnit.HOURS) : null;
              var detainee =
                  new Detainee(
                      rs.getString(1),
                      city.key(),
                      day,
                      hour,
                      rs.getString(8),
                      rs.getString(9),
                      rs.getObject(10) != null);
              String where = eventId != null ? eventId : "place:" + city.key() + ':' + day;
              return Map.entry(detainee.personId() + '\n' + where, detainee);
            })
        .forEach(
            e -> {
              if (e != null) byPersonAndPlace.merge(e.getKey(), e.getValue(), Detainee::with);
            });
    return byPersonAndPlace.values();
  }

  /** Distinct people among detainees: confirmed if any of their detentions is. */
  private static Figures figures(Collection<Detainee> detainees) {
    Map<String, Boolean> confirmed = new HashMap<>();
    detainees.forEach(d -> confirmed.merge(d.personId(), d.confirmed(), Boolean::logicalOr));
    long yes = confirmed.values().stream().filter(c -> c).count();
    return new Figures(yes, confirmed.size() - yes, 0);
  }

  private static List<Group> groups(
      Collection<Detainee> detainees,
      Function<Detainee, String> key,
      Map<String, Long> unnamed,
      Function<String, Named> labels,
      Comparator<Group> order) {
    Map<String, List<Detainee>> byKey = new LinkedHashMap<>();
    for (Detainee d : detainees) {
      String k = key.apply(d);
      if (k != null) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
    }
    unnamed.keySet().forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()));
    List<Group> groups = new ArrayList<>(byKey.size());
    byKey.forEach(
        (k, members) -> {
          long sourced = unnamed.getOrDefault(k, 0L);
          Named label = labels.apply(k);
          groups.add(
              new Group(
                  k,
                  label.ru(),
                  label.en(),
                  figures(members).plus(new Figures(sourced, 0, sourced))));
        });
    groups.sort(order);
    return groups;
  }

  @Override
  public void close() {
    recounter.shutdownNow();
  }
}
