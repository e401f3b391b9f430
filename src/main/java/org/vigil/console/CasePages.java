package org.vigil.console;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.Cases;
import org.vigil.cases.Corrections;
import org.vigil.cases.Custody;
import org.vigil.cases.Person;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.intake.Intake;
import org.vigil.linkage.Linkage;
import org.vigil.linkage.Linker;
import org.vigil.place.Gazetteer;
import org.vigil.security.Accounts;
import org.vigil.station.PoliceStation;
import org.vigil.station.PoliceStations;

/**
 * The coordinator's case pages (issue #13): search for a person by name, a person's page with their
 * reports, timelines and decisions ({@link PersonPage}), the people held at police stations now,
 * and the stations with their counts and the undoing of a merge. Personal data: coordinators and
 * admins only, as the API's routes for the same data.
 */
public final class CasePages {
  /** At most this many persons answer a search: a name, not a listing of everyone. */
  static final int SEARCH_LIMIT = 50;

  static final int QUERY_LENGTH = 200;

  /** At most this many people are listed on the held page; the counts are always complete. */
  static final int HELD_LIMIT = 2000;

  private CasePages() {}

  /** What the pages read and decide through. */
  public record Sources(
      Cases cases,
      Corrections corrections,
      Intake intake,
      Linkage linkage,
      Campaigns campaigns,
      Gazetteer gazetteer,
      PoliceStations stations,
      Accounts accounts) {}

  /** A person a search found. */
  public record Found(String id, String name, String latin, Integer birthYear, boolean exact) {}

  /** The search page: what was asked, what was found, or why the question cannot be asked. */
  public record SearchView(String query, List<Found> found, String error) {}

  /** The held page: stations with the people held there now. */
  public record HeldView(List<Custody.Station> stations, int people) {}

  /** A station merged into another, which may be undone. */
  public record Merged(String id, String name, String intoId, String intoName) {}

  /** The stations page: counts per station, merged stations, and what just happened. */
  public record StationsView(
      List<Custody.Count> counts, List<Merged> merged, String notice, String error) {}

  public static void register(Api api, Console console, Sources s) {
    api.get(
        "/api/search/persons",
        ctx -> {
          String q = query(ctx.queryParam("q"));
          if (q == null) {
            throw ApiError.invalid(
                "q", "is required: a name, 2 to " + QUERY_LENGTH + " characters, in any script");
          }
          ctx.json(Map.of("items", search(s, q)));
        },
        COORDINATOR,
        ADMIN);
    api.get(
        "/api/custody",
        ctx -> ctx.json(Map.of("items", s.cases().custody().counts())),
        COORDINATOR,
        ADMIN);

    console.page(
        "/console/search",
        "search",
        r -> {
          String raw = r.ctx().queryParam("q");
          if (raw == null || raw.isBlank()) return new SearchView("", List.of(), null);
          String q = query(raw);
          if (q == null) {
            r.ctx().status(422);
            return new SearchView(
                raw.length() > QUERY_LENGTH ? raw.substring(0, QUERY_LENGTH) : raw,
                List.of(),
                r.texts().format("search.error", Map.of("max", QUERY_LENGTH)));
          }
          return new SearchView(q, search(s, q), null);
        },
        COORDINATOR,
        ADMIN);
    new PersonPage(s).register(console);
    console.page(
        "/console/held",
        "held",
        r -> {
          List<Custody.Station> stations = s.cases().custody().held(HELD_LIMIT);
          return new HeldView(stations, stations.stream().mapToInt(Custody.Station::count).sum());
        },
        COORDINATOR,
        ADMIN);
    console.page(
        "/console/stations",
        "stations",
        r -> stationsView(s, notice(s, r), null),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/stations/{id}/unmerge",
        r -> {
          PoliceStation station =
              s.stations().find(r.param("id")).orElseThrow(() -> ApiError.notFound("no station"));
          try {
            s.stations().unmerge(station.id(), r.user().userId());
          } catch (IllegalStateException refused) {
            r.ctx().status(409);
            r.render(
                "stations",
                stationsView(
                    s,
                    null,
                    r.texts()
                        .format(
                            "stations.refused",
                            Map.of("name", station.name(), "why", refused.getMessage()))),
                "/console/stations");
            return;
          }
          r.redirect("/console/stations?undone=" + station.id());
        },
        COORDINATOR,
        ADMIN);
  }

  /** The query cleaned, or null when it is too short, too long or has no letter. */
  static String query(String raw) {
    if (raw == null) return null;
    String q = raw.strip().replaceAll("\\s+", " ");
    if (q.length() < 2
        || q.length() > QUERY_LENGTH
        || q.codePoints().noneMatch(Character::isLetter)) return null;
    return q;
  }

  private static List<Found> search(Sources s, String q) {
    List<Linker.Found> found = s.linkage().search(q, SEARCH_LIMIT);
    Map<String, Person> persons =
        s.cases().persons(found.stream().map(Linker.Found::personId).toList());
    return found.stream()
        .filter(f -> persons.containsKey(f.personId()))
        .map(
            f -> {
              Person p = persons.get(f.personId());
              return new Found(
                  p.id(),
                  p.name(),
                  p.name() == null ? null : Linkage.inLatin(p.name()),
                  p.birthYear(),
                  f.score() >= Linker.EXACT);
            })
        .toList();
  }

  private static String notice(Sources s, Console.Request r) {
    String undone = r.ctx().queryParam("undone");
    if (undone == null) return null;
    return s.stations()
        .find(undone)
        .map(st -> r.texts().format("stations.undone", Map.of("name", st.name())))
        .orElse(null);
  }

  private static StationsView stationsView(Sources s, String notice, String error) {
    Map<String, String> names = new LinkedHashMap<>();
    List<Merged> merged =
        s.stations().merged().stream()
            .map(
                m ->
                    new Merged(
                        m.id(),
                        m.name(),
                        m.mergedInto(),
                        names.computeIfAbsent(
                            m.mergedInto(),
                            id -> s.stations().find(id).map(PoliceStation::name).orElse(id))))
            .toList();
    return new StationsView(s.cases().custody().counts(), merged, notice, error);
  }
}
