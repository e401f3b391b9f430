package org.vigil.cases;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.LAWYER;

import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.ConsentStatement.Giver;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;
import org.vigil.place.Gazetteer;
import org.vigil.place.Place;

/**
 * HTTP routes for detentions, persons and what coordinators decide about them. They carry personal
 * data, so only coordinators read them; every decision names its reason.
 */
public final class CaseRoutes {
  private static final int REASON_LENGTH = 2000;
  private final Cases cases;
  private final Corrections corrections;
  private final Campaigns campaigns;
  private final Gazetteer gazetteer;

  private CaseRoutes(
      Cases cases, Corrections corrections, Campaigns campaigns, Gazetteer gazetteer) {
    this.cases = cases;
    this.corrections = corrections;
    this.campaigns = campaigns;
    this.gazetteer = gazetteer;
  }

  public static void register(
      Api api, Cases cases, Corrections corrections, Campaigns campaigns, Gazetteer gazetteer) {
    CaseRoutes routes = new CaseRoutes(cases, corrections, campaigns, gazetteer);
    api.get("/api/detentions", routes::list, COORDINATOR, ADMIN);
    api.get("/api/detentions/held", routes::held, COORDINATOR, ADMIN);
    api.get(
        "/api/detentions/{id}",
        ctx -> ctx.json(routes.find(ctx.pathParam("id"))),
        COORDINATOR,
        ADMIN);
    api.get(
        "/api/detentions/{id}/decisions",
        ctx ->
            ctx.json(
                Map.of(
                    "items", corrections.decisions(routes.find(ctx.pathParam("id")).id(), null))),
        COORDINATOR,
        ADMIN);
    api.post("/api/detentions/{id}/status", routes::addStatus, COORDINATOR, LAWYER, ADMIN);
    api.post("/api/detentions/{id}/confirm", routes::confirm, COORDINATOR, ADMIN);
    api.post("/api/detentions/{id}/unconfirm", routes::unconfirm, COORDINATOR, ADMIN);
    api.post("/api/detentions/{id}/merge", routes::merge, COORDINATOR, ADMIN);
    api.post("/api/detentions/{id}/unmerge", routes::unmerge, COORDINATOR, ADMIN);
    api.post("/api/detentions/{id}/place", routes::place, COORDINATOR, ADMIN);
    api.post("/api/reports/{id}/reject", routes::reject, COORDINATOR, ADMIN);
    api.post("/api/reports/{id}/reinstate", routes::reinstate, COORDINATOR, ADMIN);
    api.get("/api/persons/{id}", routes::person, COORDINATOR, ADMIN);
    api.post("/api/persons/{id}/consent", routes::recordConsent, COORDINATOR, ADMIN);
  }

  private void list(Context ctx) {
    int limit = Page.limit(ctx);
    List<Detention> items = cases.byEvent(ctx.queryParam("event"), ctx.queryParam("after"), limit);
    String next = items.size() == limit ? items.getLast().id() : null;
    ctx.json(new Page<>(items, next));
  }

  private void held(Context ctx) {
    int limit = Page.limit(ctx);
    List<Corrections.Held> items =
        corrections.held(ctx.queryParam("campaign"), ctx.queryParam("after"), limit);
    String next = items.size() == limit ? items.getLast().detentionId() : null;
    ctx.json(new Page<>(items, next));
  }

  private Detention find(String id) {
    return cases.find(id).orElseThrow(() -> ApiError.notFound("no detention " + id));
  }

  private void addStatus(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    // An arrest merged into another is followed on the detention that stands for both.
    String target = detention.mergedInto() != null ? detention.mergedInto() : detention.id();
    Fields f = JsonBody.fields(ctx);
    DetentionStatus status = f.choice("status", DetentionStatus.class, true);
    OffsetDateTime at = f.dateTime("at", false);
    String source = f.text("source", 300, true);
    String article = f.text("article", 50, false);
    Long fine = f.longValue("fine_rub", 0, 100_000_000, false);
    Integer days = f.integer("arrest_days", 1, 365, false);
    String note = f.freeText("note", 5000, false);
    String supersedes = f.text("supersedes", 64, false);
    String reason = f.freeText("reason", REASON_LENGTH, false);
    if (days != null && status != DetentionStatus.ADMINISTRATIVE_ARREST) {
      f.reject("arrest_days", "goes only with status administrative_arrest");
    }
    if (fine != null && status != DetentionStatus.FINED) {
      f.reject("fine_rub", "goes only with status fined");
    }
    if (supersedes != null) {
      StatusChange corrected =
          cases.find(target).orElseThrow().timeline().stream()
              .filter(c -> c.id().equals(supersedes))
              .findFirst()
              .orElse(null);
      if (corrected == null) {
        f.reject("supersedes", "no entry with this id on this detention's timeline");
      } else if (corrected.supersededBy() != null) {
        f.reject("supersedes", "was corrected already by " + corrected.supersededBy());
      }
      if (reason == null) f.reject("reason", "is required when an entry corrects another");
    } else if (reason != null) {
      f.reject("reason", "goes only with supersedes: say why an entry is corrected");
    }
    f.done();
    var change =
        new StatusChange(
            null,
            target,
            status,
            at != null ? at : OffsetDateTime.now(),
            null,
            source,
            Api.principal(ctx).userId(),
            article,
            fine,
            days,
            note,
            supersedes,
            reason,
            null);
    ctx.status(201).json(cases.addStatus(target, change));
  }

  /**
   * {@code {"reason": …}} is optional: a confirmation is what a coordinator is there for. A
   * detention confirmed already, or whose report was rejected, is a 409 saying by whom.
   */
  private void confirm(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    String reason = null;
    if (ctx.req().getContentLengthLong() != 0) {
      Fields f = JsonBody.fields(ctx);
      reason = f.freeText("reason", REASON_LENGTH, false);
      f.done();
    }
    String why = reason;
    ctx.json(refusing(() -> corrections.confirm(detention.id(), why, user(ctx))));
  }

  private void unconfirm(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    String reason = reason(JsonBody.fields(ctx));
    ctx.json(refusing(() -> corrections.unconfirm(detention.id(), reason, user(ctx))));
  }

  /** {@code {"into": ID, "reason": …}}: the two are one arrest; that one stands for both. */
  private void merge(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    Fields f = JsonBody.fields(ctx);
    String into = f.text("into", 64, true);
    String reason = f.freeText("reason", REASON_LENGTH, true);
    if (into != null && cases.find(into).isEmpty()) f.reject("into", "no detention with this id");
    f.done();
    ctx.json(refusing(() -> corrections.merge(detention.id(), into, reason, user(ctx))));
  }

  private void unmerge(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    String reason = reason(JsonBody.fields(ctx));
    ctx.json(refusing(() -> corrections.unmerge(detention.id(), reason, user(ctx))));
  }

  /**
   * {@code {"event": ID}}, {@code {"city": "Москва"}} (any spelling the gazetteer knows, or its
   * GeoNames id) and/or {@code {"detained_at": …}}, with a reason: where a held detention belongs.
   */
  private void place(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    Fields f = JsonBody.fields(ctx);
    String event = f.text("event", 64, false);
    String city = f.text("city", 200, false);
    OffsetDateTime at = f.dateTime("detained_at", false);
    String reason = f.freeText("reason", REASON_LENGTH, true);
    if (event == null && city == null && at == null) {
      f.reject("city", "name an event, a city or a time to place the detention");
    }
    if (event != null && campaigns.event(event).isEmpty()) {
      f.reject("event", "no event with this id");
    }
    Place place = null;
    if (city != null) {
      place = gazetteer.find(city).or(() -> gazetteer.resolve(city)).orElse(null);
      if (place == null) {
        f.reject("city", "is not a place the gazetteer knows (write the city's name, or its id)");
      }
    }
    f.done();
    var placement = new Corrections.Placement(event, place == null ? null : place.id(), at);
    ctx.json(corrections.place(detention.id(), placement, reason, user(ctx)));
  }

  /** {@code {"as": "spam"|"duplicate", "reason": …}}. */
  private void reject(Context ctx) {
    String report = requireReport(ctx);
    Fields f = JsonBody.fields(ctx);
    var as = f.choice("as", Corrections.Rejection.class, true);
    String reason = f.freeText("reason", REASON_LENGTH, true);
    f.done();
    ctx.status(201).json(refusing(() -> corrections.reject(report, as, reason, user(ctx))));
  }

  private void reinstate(Context ctx) {
    String report = requireReport(ctx);
    String reason = reason(JsonBody.fields(ctx));
    ctx.status(201).json(refusing(() -> corrections.reinstate(report, reason, user(ctx))));
  }

  private String requireReport(Context ctx) {
    String id = ctx.pathParam("id");
    if (!cases.reportExists(id)) throw ApiError.notFound("no report " + id);
    return id;
  }

  /** A person with their detentions and everything said about publishing their name. */
  private void person(Context ctx) {
    String id = ctx.pathParam("id");
    Person person =
        cases.persons(List.of(id)).values().stream()
            .findFirst()
            .orElseThrow(() -> ApiError.notFound("no person " + id));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("person", person);
    body.put("published_consent", cases.consents().published(id));
    body.put("consent_statements", cases.consents().statements(id));
    body.put("detentions", cases.ofPerson(id));
    ctx.json(body);
  }

  /**
   * {@code {"consent": "full"|"initials"|"none", "given_by": "self"|"representative", "report": ID,
   * "note": …}}: what a coordinator verified with the detainee or their representative.
   */
  private void recordConsent(Context ctx) {
    String person = ctx.pathParam("id");
    if (cases.persons(List.of(person)).isEmpty()) throw ApiError.notFound("no person " + person);
    Fields f = JsonBody.fields(ctx);
    Consent consent = f.choice("consent", Consent.class, true);
    Giver givenBy = f.choice("given_by", Giver.class, true);
    String report = f.text("report", 64, false);
    String note = f.freeText("note", REASON_LENGTH, false);
    if (report != null && !cases.reportIsAbout(report, person)) {
      f.reject("report", "no report about this person with this id");
    }
    f.done();
    ctx.status(201)
        .json(cases.consents().record(person, consent, givenBy, report, note, user(ctx)));
  }

  private static String reason(Fields f) {
    String reason = f.freeText("reason", REASON_LENGTH, true);
    f.done();
    return reason;
  }

  private static String user(Context ctx) {
    return Api.principal(ctx).userId();
  }

  /** A decision the item's present state does not allow is a conflict, said plainly. */
  private static <T> T refusing(java.util.function.Supplier<T> decision) {
    try {
      return decision.get();
    } catch (Corrections.Refused refused) {
      throw new ApiError(409, "Conflict", refused.getMessage(), List.of());
    } catch (AlreadyDecided decided) {
      throw decided.problem();
    }
  }
}
