package org.vigil.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.vigil.storage.Ids;

/** Campaigns, their events and the sourced figures about them. */
public final class Campaigns {
  /**
   * Intake asks for the campaign of every report that names none; campaigns change a few times a
   * year. Changes made here are seen at once, another node's within this time.
   */
  private static final Duration KNOWN_FOR = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final AtomicReference<Known> known = new AtomicReference<>();

  /** The campaigns as read at a moment. */
  private record Known(List<Campaign> campaigns, long at) {}

  public Campaigns(Jdbi jdbi) {
    this.jdbi = jdbi;
    jdbi.registerRowMapper(ConstructorMapper.factory(Campaign.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Event.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Claim.class));
  }

  public Campaign create(String title, LocalDate startsOn, LocalDate endsOn, String description) {
    return create(new Campaign.Input(title, startsOn, endsOn, description));
  }

  Campaign create(Campaign.Input in) {
    String id = Ids.next();
    long now = System.currentTimeMillis();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO campaigns (id, title, starts_on, ends_on, description, created_at, updated_at)
                    VALUES (:id, :title, :startsOn, :endsOn, :description, :now, :now)""")
                .bind("id", id)
                .bind("now", now)
                .bindMethods(in)
                .execute());
    known.set(null);
    return campaign(id).orElseThrow();
  }

  void update(String id, Campaign.Input in) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE campaigns SET title = :title, starts_on = :startsOn, ends_on = :endsOn,
                    description = :description, updated_at = :now WHERE id = :id""")
                .bind("id", id)
                .bind("now", System.currentTimeMillis())
                .bindMethods(in)
                .execute());
    known.set(null);
  }

  public Optional<Campaign> campaign(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM campaigns WHERE id = :id")
                .bind("id", id)
                .mapTo(Campaign.class)
                .findOne());
  }

  /**
   * The campaign the public pages show: the one an admin marked current, else the latest to have
   * started, or, before any has, the first to come.
   */
  public Optional<Campaign> current() {
    List<Campaign> all = campaigns();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return all.stream()
        .filter(c -> c.markedCurrentAt() != null)
        .max(Comparator.comparing(Campaign::markedCurrentAt))
        .or(() -> all.stream().filter(c -> !c.startsOn().isAfter(today)).findFirst())
        .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.getLast()));
  }

  /**
   * The campaign something that names none belongs to: the latest-starting campaign whose dates
   * contain the day it happened (in its own offset, as protests are dated locally), else the
   * current one.
   */
  public Optional<Campaign> campaignFor(OffsetDateTime happened) {
    LocalDate day = happened.toLocalDate();
    return campaigns().stream().filter(c -> c.contains(day)).findFirst().or(this::current);
  }

  /** Marks a campaign current (null: none is marked, the latest to have started is current). */
  void markCurrent(String id) {
    jdbi.useTransaction(
        h -> {
          h.execute("UPDATE campaigns SET marked_current_at = NULL");
          if (id != null) {
            h.execute(
                "UPDATE campaigns SET marked_current_at = ? WHERE id = ?",
                System.currentTimeMillis(),
                id);
          }
        });
    known.set(null);
  }

  /** Every campaign, the latest to start first. */
  List<Campaign> campaigns() {
    Known now = known.get();
    if (now != null && System.nanoTime() - now.at() < KNOWN_FOR.toNanos()) return now.campaigns();
    List<Campaign> read =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT * FROM campaigns ORDER BY starts_on DESC, id")
                    .mapTo(Campaign.class)
                    .list());
    known.set(new Known(read, System.nanoTime()));
    return read;
  }

  public Event createEvent(
      String campaignId,
      LocalDate heldOn,
      String city,
      String venue,
      String kind,
      Boolean authorised,
      String cause,
      Double temperatureC,
      String conditions) {
    return createEvent(
        new Event.Input(
            campaignId,
            heldOn,
            city,
            null,
            venue,
            kind,
            authorised,
            cause,
            null,
            temperatureC,
            conditions,
            null,
            null));
  }

  public Event createEvent(Event.Input in) {
    String id = Ids.next();
    long now = System.currentTimeMillis();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO events (id, campaign_id, held_on, city, region, venue, kind, authorised,
                      cause, organiser, temperature_c, conditions, latitude, longitude, created_at,
                      updated_at)
                    VALUES (:id, :campaign, :heldOn, :city, :region, :venue, :kind, :authorised,
                      :cause, :organiser, :temperatureC, :conditions, :latitude, :longitude, :now,
                      :now)""")
                .bind("id", id)
                .bind("now", now)
                .bindMethods(in)
                .execute());
    return event(id).orElseThrow();
  }

  void updateEvent(String id, Event.Input in) {
    updateEvent(id, in, null);
  }

  /**
   * Changes an event unless it was changed after {@code seen} (its {@code updatedAt} as the editor
   * saw it; null: whatever it is now), so that of two people editing it at once the later does not
   * silently undo the other's work. False if it was, or if there is no such event.
   */
  boolean updateEvent(String id, Event.Input in, Instant seen) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE events SET campaign_id = :campaign, held_on = :heldOn, city = :city,
                          region = :region, venue = :venue, kind = :kind, authorised = :authorised,
                          cause = :cause, organiser = :organiser, temperature_c = :temperatureC,
                          conditions = :conditions, latitude = :latitude, longitude = :longitude,
                          updated_at = :now
                        WHERE id = :id AND (CAST(:seen AS BIGINT) IS NULL OR updated_at = :seen)""")
                    .bind("id", id)
                    .bind("seen", seen == null ? null : seen.toEpochMilli())
                    // later than what was seen, even within its millisecond
                    .bind(
                        "now",
                        Math.max(
                            System.currentTimeMillis(), seen == null ? 0 : seen.toEpochMilli() + 1))
                    .bindMethods(in)
                    .execute())
        > 0;
  }

  public Optional<Event> event(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM events WHERE id = :id")
                .bind("id", id)
                .mapTo(Event.class)
                .findOne());
  }

  /** Every event of a campaign, by date and city: for the public pages' count by city. */
  public List<Event> events(String campaignId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM events WHERE campaign_id = :campaign ORDER BY held_on, city, id")
                .bind("campaign", campaignId)
                .mapTo(Event.class)
                .list());
  }

  /**
   * A page of events by date, city and id, the list's order: of a campaign (or all, if null), in a
   * city and on a day if given; {@code after} is the last event of the page before. A campaign can
   * hold thousands of events (one a city and day), so lists are read a page at a time.
   */
  public List<Event> events(String campaignId, String city, LocalDate on, String after, int limit) {
    List<String> where = new ArrayList<>();
    if (campaignId != null) where.add("campaign_id = :campaign");
    if (on != null) where.add("held_on = :on");
    if (after != null) {
      where.add("(held_on, city, id) > (SELECT held_on, city, id FROM events WHERE id = :after)");
    }
    String sql =
        "SELECT * FROM events"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY held_on, city, id"
            // A city is compared in Java (see sameCity), so its page is cut there.
            + (city == null ? " LIMIT :limit" : "");
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(sql);
          if (city == null) query.bind("limit", limit);
          if (campaignId != null) query.bind("campaign", campaignId);
          if (on != null) query.bind("on", on.toString());
          if (after != null) query.bind("after", after);
          try (var rows = query.mapTo(Event.class).stream()) {
            return rows.filter(e -> city == null || sameCity(e.city(), city)).limit(limit).toList();
          }
        });
  }

  /** The latest day a campaign has an event on, if it has any. */
  public Optional<LocalDate> latestDay(String campaignId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT MAX(held_on) FROM events WHERE campaign_id = :campaign")
                .bind("campaign", campaignId)
                .mapTo(String.class)
                .findOne()
                .map(LocalDate::parse));
  }

  /** A campaign's events held on a date. */
  public List<Event> eventsOn(String campaignId, LocalDate heldOn) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM events WHERE campaign_id = :campaign AND held_on = :heldOn")
                .bind("campaign", campaignId)
                .bind("heldOn", heldOn)
                .mapTo(Event.class)
                .list());
  }

  // Compared in Java: SQLite's lower() folds only ASCII, and city names are mostly Cyrillic.
  private static boolean sameCity(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  public Claim addClaim(
      String campaignId,
      String eventId,
      Claim.Subject subject,
      Claim.Qualifier qualifier,
      long value,
      String source,
      String quote,
      String url) {
    String id = Ids.next();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO claims (id, campaign_id, event_id, subject, qualifier, value, source,
                      quote, url, created_at)
                    VALUES (:id, :campaign, :event, :subject, :qualifier, :value, :source, :quote,
                      :url, :now)""")
                .bind("id", id)
                .bind("campaign", campaignId)
                .bind("event", eventId)
                .bind("subject", subject)
                .bind("qualifier", qualifier)
                .bind("value", value)
                .bind("source", source)
                .bind("quote", quote)
                .bind("url", url)
                .bind("now", System.currentTimeMillis())
                .execute());
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM claims WHERE id = :id")
                .bind("id", id)
                .mapTo(Claim.class)
                .one());
  }

  /** The claims about a campaign or an event (null: not filtered by it). */
  public List<Claim> claims(String campaignId, String eventId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM claims
                    WHERE (CAST(:campaign AS TEXT) IS NULL OR campaign_id = :campaign)
                      AND (CAST(:event AS TEXT) IS NULL OR event_id = :event)
                    ORDER BY created_at, id""")
                .bind("campaign", campaignId)
                .bind("event", eventId)
                .mapTo(Claim.class)
                .list());
  }
}
