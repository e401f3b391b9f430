package org.vigil.entry;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.vigil.cases.Cases;
import org.vigil.cases.Consent;
import org.vigil.console.Console;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.Plausible;
import org.vigil.intake.Intake;
import org.vigil.intake.Report;
import org.vigil.linkage.Linkage;
import org.vigil.place.Gazetteer;
import org.vigil.place.Place;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.station.PoliceStation;
import org.vigil.station.PoliceStations;

/**
 * What the operator's fast entry at {@code /console/} asks of Vigil while a call is typed (issue
 * #13): cities and police stations completed from the directory, whether the person named is
 * already reported today, and the reports the user typed in their shift. The report itself goes
 * through intake's {@code POST /api/reports} with an Idempotency-Key.
 *
 * <p>Register before intake's and the station directory's routes: Javalin tries routes in the order
 * they were added, and {@code /api/reports/{id}} would otherwise take {@code /api/reports/mine}.
 */
public final class EntryRoutes {
  /** Suggestions shown at most: what fits a phone's screen under the field. */
  static final int SUGGESTIONS = 8;

  /** The longest query a suggestion is looked up for: no name of a place or station is longer. */
  static final int MAX_QUERY = 100;

  /** How far back "my reports" reaches: the longest shift a session lasts. */
  static final Duration SHIFT = Duration.ofHours(12);

  private static final int MAX_MINE = 200;

  /** Roles whose reports are their own to see, and who may ask whether a person is reported. */
  private static final Role[] ENTERING = {OPERATOR, COORDINATOR, ADMIN};

  /** Roles that may read detainees' personal data, as intake's and the cases' reads allow. */
  private static final Set<Role> READS_PERSONS = EnumSet.of(COORDINATOR, ADMIN);

  /** The clock intake stamps reports with, so "today" and "this shift" are measured by it. */
  private static final Clock REPORTS_CLOCK = Clock.systemUTC();

  private final Gazetteer gazetteer;
  private final PoliceStations stations;
  private final Intake intake;
  private final SeenToday seenToday;
  private final QuestionBudget budget = new QuestionBudget();
  private final Clock clock;

  private EntryRoutes(
      Gazetteer gazetteer,
      PoliceStations stations,
      Intake intake,
      SeenToday seenToday,
      Clock clock) {
    this.gazetteer = gazetteer;
    this.stations = stations;
    this.intake = intake;
    this.seenToday = seenToday;
    this.clock = clock;
  }

  /** What the fast entry reads. */
  public record Sources(
      Jdbi jdbi,
      Gazetteer gazetteer,
      PoliceStations stations,
      Intake intake,
      Linkage linkage,
      Cases cases) {}

  public static void register(Api api, Sources s) {
    EntryRoutes routes =
        new EntryRoutes(
            s.gazetteer(),
            s.stations(),
            s.intake(),
            new SeenToday(s.jdbi(), s.linkage(), s.cases(), REPORTS_CLOCK),
            REPORTS_CLOCK);
    api.get("/api/places/suggest", routes::places, Console.STAFF);
    api.get("/api/police-stations/suggest", routes::stations, Console.STAFF);
    api.postQuestion("/api/seen-today", routes::seenToday, ENTERING);
    api.get("/api/reports/mine", routes::mine, ENTERING);
  }

  /** A place as the city field offers it; {@code value} is what the field is filled with. */
  record PlaceSuggestion(
      String id, String value, String nameRu, String nameEn, String regionRu, String regionEn) {}

  private void places(Context ctx) {
    String q = query(ctx, "q");
    List<PlaceSuggestion> items =
        gazetteer.suggest(q, SUGGESTIONS).stream()
            .map(
                p ->
                    new PlaceSuggestion(
                        p.id(),
                        gazetteer.unambiguousName(p),
                        p.nameRu(),
                        p.nameEn(),
                        p.regionRu(),
                        p.regionEn()))
            .toList();
    ctx.json(Map.of("items", items));
  }

  /** A station as the station field offers it. */
  record StationSuggestion(String id, String name, String city) {}

  private void stations(Context ctx) {
    String q = query(ctx, "q");
    String city = ctx.queryParam("city");
    if (city != null && city.length() > MAX_QUERY) {
      throw ApiError.invalid("city", "must be at most " + MAX_QUERY + " characters");
    }
    Optional<Place> place =
        city == null || city.isBlank() ? Optional.empty() : gazetteer.resolve(city);
    List<StationSuggestion> items =
        stations
            .suggest(
                q,
                s ->
                    place.isPresent()
                        && s.city() != null
                        && place.equals(gazetteer.resolve(s.city())),
                SUGGESTIONS)
            .stream()
            .map(EntryRoutes::suggestion)
            .toList();
    ctx.json(Map.of("items", items));
  }

  private static StationSuggestion suggestion(PoliceStation s) {
    return new StationSuggestion(s.id(), s.name(), s.city());
  }

  /** A required query parameter of 1 to {@link #MAX_QUERY} characters. */
  private static String query(Context ctx, String name) {
    String q = ctx.queryParam(name);
    if (q == null || q.isBlank()) throw ApiError.invalid(name, "is required");
    if (q.length() > MAX_QUERY) {
      throw ApiError.invalid(name, "must be at most " + MAX_QUERY + " characters");
    }
    return q;
  }

  private void seenToday(Context ctx) {
    Principal user = Api.principal(ctx);
    OptionalLong wait = budget.take(user.userId());
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      throw new ApiError(
          429,
          "Too many requests",
          "too many questions of who is reported; the budget is "
              + QuestionBudget.BURST
              + " at once and "
              + QuestionBudget.PER_HOUR
              + " an hour",
          List.of());
    }
    Fields f = JsonBody.fields(ctx);
    String name = f.name("name", 300, true);
    Integer year =
        f.integer("birth_year", Plausible.earliestBirthYear(), Plausible.latestBirthYear(), false);
    String city = f.text("city", 200, false);
    if (name != null && name.codePoints().filter(Character::isLetter).count() < 3) {
      f.reject("name", "must have at least 3 letters");
    }
    f.done();
    ctx.json(seenToday.ask(name, year, city, READS_PERSONS.contains(user.role())));
  }

  /** One of the caller's own reports, as "my reports" lists it. */
  record Mine(
      String id,
      Instant receivedAt,
      String name,
      Integer birthYear,
      String city,
      String policeStation,
      OffsetDateTime detainedAt,
      String source,
      Consent consent) {}

  private void mine(Context ctx) {
    Principal user = Api.principal(ctx);
    List<Mine> items =
        intake.enteredBy(user.userId(), clock.instant().minus(SHIFT), MAX_MINE).stream()
            .map(EntryRoutes::mine)
            .toList();
    ctx.json(Map.of("items", items));
  }

  private static Mine mine(Report r) {
    var c = r.content();
    return new Mine(
        r.id(),
        r.receivedAt(),
        c.name(),
        c.birthYear(),
        c.city(),
        c.policeStation(),
        c.detainedAt(),
        c.source().name().toLowerCase(Locale.ROOT),
        c.consent());
  }
}
