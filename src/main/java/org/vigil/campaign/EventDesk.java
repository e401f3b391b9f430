package org.vigil.campaign;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.EDITOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.vigil.console.Console;
import org.vigil.console.Form;
import org.vigil.console.Shell;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.site.Texts;

/**
 * The editor's events in the console: {@code /console/events} lists a campaign's events, {@code
 * /console/events/{id}} edits one's venue and conditions and adds its crowd estimates and other
 * figures, each with its source (claims). What is saved is on the public event page at once.
 */
public final class EventDesk {
  /**
   * Events on a page of the list. An editor looks for one event, by its city or day (the list's
   * filters) or by eye in date order; a campaign imported from a published table holds one event a
   * city and day, thousands, so the list is paged like the console's other long lists (triage: 50).
   */
  static final int PAGE = 50;

  private static final String[] FACTS = {
    "venue", "kind", "authorised", "temperature_c", "conditions", "version"
  };
  private static final String[] CLAIM = {"subject", "qualifier", "value", "source", "quote", "url"};

  private final Campaigns campaigns;

  private EventDesk(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  /** An option of a select. */
  public record Choice(String value, String label) {}

  /**
   * The list: the campaigns to choose from, the one shown, the city and day asked (or empty), a
   * page of its events, and the address of the next page (null on the last).
   */
  public record EventsView(
      List<Choice> campaigns,
      String campaignId,
      String city,
      String on,
      List<EventRow> events,
      String next) {}

  /** An event in the list, with how many sourced figures it has. */
  public record EventRow(
      String id, String date, String city, String venue, String kind, long claims) {}

  /**
   * One event's page.
   *
   * @param facts the form of its venue and conditions (as stored, or as typed when shown again)
   * @param stored on a conflict, what another person saved meanwhile, by field (else empty)
   * @param claim the form of a new figure
   */
  public record EventView(
      Event event,
      String heading,
      Form facts,
      Map<String, String> stored,
      List<ClaimRow> claims,
      Form claim,
      List<Choice> subjects,
      List<Choice> qualifiers,
      String notice) {}

  /** A figure about the event as the public page words it, with its source. */
  public record ClaimRow(
      String id, String subject, String figure, String quote, String url, String added) {}

  public static void register(Console console, Campaigns campaigns) {
    EventDesk desk = new EventDesk(campaigns);
    console.page("/console/events", "events", desk::list, EDITOR, ADMIN);
    console.page(
        "/console/events/{id}",
        "event",
        r -> desk.view(r, desk.event(r), null, Map.of(), Form.EMPTY, desk.notice(r)),
        EDITOR,
        ADMIN);
    console.form("/console/events/{id}", desk::save, EDITOR, ADMIN);
    console.form("/console/events/{id}/claims", desk::addClaim, EDITOR, ADMIN);
  }

  private EventsView list(Console.Request r) {
    List<Campaign> all = campaigns.campaigns();
    String asked = r.ctx().queryParam("campaign");
    String shown =
        all.stream()
            .map(Campaign::id)
            .filter(id -> id.equals(asked))
            .findFirst()
            .or(() -> campaigns.current().map(Campaign::id))
            .orElse(null);
    List<Choice> choices = all.stream().map(c -> new Choice(c.id(), c.title())).toList();
    String city = r.query("city");
    String on = r.query("on");
    LocalDate day = r.queryDay("on");
    if (shown == null) return new EventsView(choices, null, city, on, List.of(), null);
    String after = r.ctx().queryParam("after");
    List<Event> page = campaigns.events(shown, city.isEmpty() ? null : city, day, after, PAGE);
    Map<String, Long> claims =
        campaigns.claims(shown, null).stream()
            .filter(c -> c.eventId() != null)
            .collect(Collectors.groupingBy(Claim::eventId, Collectors.counting()));
    List<EventRow> events =
        page.stream()
            .map(
                e ->
                    new EventRow(
                        e.id(),
                        e.heldOn().toString(),
                        e.city(),
                        Objects.requireNonNullElse(e.venue(), ""),
                        Objects.requireNonNullElse(e.kind(), ""),
                        claims.getOrDefault(e.id(), 0L)))
            .toList();
    String next =
        page.size() < PAGE
            ? null
            : "/console/events?"
                + query(
                    Map.of(
                        "campaign",
                        shown,
                        "city",
                        city,
                        "on",
                        day == null ? "" : on,
                        "after",
                        page.getLast().id()));
    return new EventsView(choices, shown, city, day == null ? "" : on, events, next);
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .filter(p -> !p.getValue().isEmpty())
        .sorted(Map.Entry.comparingByKey())
        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * Saves the venue and conditions, unless someone else saved the event since the editor opened it:
   * then the form is shown again with what they typed and what is stored now, and nothing changes.
   */
  private void save(Console.Request r) {
    Event event = event(r);
    Map<String, String> typed = r.fields(FACTS);
    ObjectNode json = r.json("venue", "kind", "conditions");
    number(json, "temperature_c", typed.get("temperature_c"));
    Fields f = Fields.of(json);
    String venue = f.text("venue", 500, false);
    String kind = f.text("kind", 100, false);
    String conditions = f.freeText("conditions", 1000, false);
    Double temperature = f.decimal("temperature_c", -90, 60, false);
    Boolean authorised =
        switch (typed.get("authorised")) {
          case "" -> null;
          case "yes" -> true;
          case "no" -> false;
          default -> {
            f.reject("authorised", "must be yes, no or empty");
            yield null;
          }
        };
    Instant seen = version(typed.get("version"));
    try {
      f.done();
    } catch (ApiError refused) {
      r.ctx().status(422);
      r.render(
          "event",
          view(r, event, new Form(typed, r.errors(refused, "event")), Map.of(), Form.EMPTY, null));
      return;
    }
    Event.Input in =
        new Event.Input(
            event.campaignId(),
            event.heldOn(),
            event.city(),
            event.region(),
            venue,
            kind,
            authorised,
            event.cause(),
            event.organiser(),
            temperature,
            conditions,
            event.latitude(),
            event.longitude());
    if (seen == null || !campaigns.updateEvent(event.id(), in, seen)) {
      Event now = event(r);
      Map<String, String> mine = new LinkedHashMap<>(typed);
      mine.put("version", String.valueOf(now.updatedAt().toEpochMilli()));
      Map<String, String> stored = new LinkedHashMap<>();
      facts(now)
          .forEach(
              (name, value) -> {
                if (!value.equals(mine.get(name))) stored.put(name, value.isEmpty() ? "—" : value);
              });
      stored.remove("version");
      r.ctx().status(409);
      r.render(
          "event",
          view(r, now, Form.of(mine), stored, Form.EMPTY, r.texts().get("event.notice.conflict")));
      return;
    }
    r.redirect("/console/events/" + event.id() + "?saved=1");
  }

  /** Adds a figure with its source: the public page shows crowd estimates at once. */
  private void addClaim(Console.Request r) {
    Event event = event(r);
    Map<String, String> typed = r.fields(CLAIM);
    ObjectNode json = r.json("subject", "qualifier", "source", "quote", "url");
    // "15 000" and "15,000" are how people write a crowd of fifteen thousand
    number(json, "value", typed.get("value").replaceAll("[\\s\\u00a0\\u202f,]", ""));
    Fields f = Fields.of(json);
    var subject = f.choice("subject", Claim.Subject.class, true);
    var qualifier = f.choice("qualifier", Claim.Qualifier.class, true);
    Long value = f.longValue("value", 0, 1_000_000_000L, true);
    String source = f.text("source", 500, true);
    String quote = f.freeText("quote", 2000, false);
    String url = f.url("url", false);
    try {
      f.done();
    } catch (ApiError refused) {
      r.ctx().status(422);
      r.render(
          "event",
          view(r, event, null, Map.of(), new Form(typed, r.errors(refused, "claim")), null));
      return;
    }
    campaigns.addClaim(null, event.id(), subject, qualifier, value, source, quote, url);
    r.redirect("/console/events/" + event.id() + "?claimed=1#claims-heading");
  }

  private Event event(Console.Request r) {
    String id = r.param("id");
    return campaigns.event(id).orElseThrow(() -> ApiError.notFound("no event " + id));
  }

  /**
   * The page.
   *
   * @param facts the venue form as typed, or null for the event as stored
   */
  private EventView view(
      Console.Request r,
      Event event,
      Form facts,
      Map<String, String> stored,
      Form claim,
      String notice) {
    Texts t = r.texts();
    // figures are worded as the public page in the reader's language words them
    Texts site = r.lang().texts();
    List<ClaimRow> claims = new ArrayList<>();
    for (Claim c : campaigns.claims(null, event.id())) {
      claims.add(
          new ClaimRow(
              c.id(),
              t.get("claim.subject." + c.subject().name().toLowerCase(Locale.ROOT)),
              site.format(
                  "event.claim",
                  Map.of(
                      "value", site.number(c.value()),
                      "qualifier", site.get("qualifier." + c.qualifier().name()),
                      "source", c.source())),
              Objects.requireNonNullElse(c.quote(), ""),
              Objects.requireNonNullElse(c.url(), ""),
              Shell.moscow(c.createdAt())));
    }
    Form claimForm =
        claim.values().isEmpty()
            ? Form.of(Map.of("subject", "crowd", "qualifier", "about"))
            : claim;
    return new EventView(
        event,
        event.city() + ", " + event.heldOn(),
        facts != null ? facts : Form.of(facts(event)),
        stored,
        claims,
        claimForm,
        choices(Claim.Subject.values(), "claim.subject.", t),
        choices(Claim.Qualifier.values(), "claim.qualifier.", t),
        notice);
  }

  /** The form's fields as an event holds them. */
  private static Map<String, String> facts(Event e) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("venue", Objects.requireNonNullElse(e.venue(), ""));
    values.put("kind", Objects.requireNonNullElse(e.kind(), ""));
    values.put("authorised", e.authorised() == null ? "" : e.authorised() ? "yes" : "no");
    values.put(
        "temperature_c",
        e.temperatureC() == null
            ? ""
            : BigDecimal.valueOf(e.temperatureC()).stripTrailingZeros().toPlainString());
    values.put("conditions", Objects.requireNonNullElse(e.conditions(), ""));
    values.put("version", String.valueOf(e.updatedAt().toEpochMilli()));
    return values;
  }

  private static List<Choice> choices(Enum<?>[] values, String prefix, Texts t) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .map(code -> new Choice(code, t.get(prefix + code)))
        .toList();
  }

  /**
   * A number typed into a form, as a JSON number where it reads as one (a decimal comma and a
   * typographic minus too), else as the text, which {@link Fields} then refuses by name.
   */
  private static void number(ObjectNode json, String name, String typed) {
    if (typed == null || typed.isBlank()) return;
    String plain = typed.strip().replace(',', '.').replace('\u2212', '-');
    try {
      BigDecimal number = new BigDecimal(plain);
      if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        json.put(name, number.longValueExact());
      } else {
        json.put(name, number.doubleValue());
      }
    } catch (NumberFormatException notNumber) {
      json.put(name, typed);
    }
  }

  private static Instant version(String typed) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(typed));
    } catch (NumberFormatException missing) {
      return null;
    }
  }

  private String notice(Console.Request r) {
    if (r.ctx().queryParam("saved") != null) return r.texts().get("event.notice.saved");
    if (r.ctx().queryParam("claimed") != null) return r.texts().get("event.notice.claimed");
    return null;
  }
}
