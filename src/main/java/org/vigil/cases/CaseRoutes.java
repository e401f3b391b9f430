package org.vigil.cases;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.LAWYER;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.campaign.Campaigns;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;
import org.vigil.place.Gazetteer;

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
    Detention target = detention.mergedInto() != null ? find(detention.mergedInto()) : detention;
    StatusChange change = CaseInput.status(JsonBody.fields(ctx), target, user(ctx), cases);
    ctx.status(201).json(cases.addStatus(target.id(), change));
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
    CaseInput.Merge m = CaseInput.merge(JsonBody.fields(ctx), cases);
    ctx.json(refusing(() -> corrections.merge(detention.id(), m.into(), m.reason(), user(ctx))));
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
    CaseInput.Placing p = CaseInput.placing(JsonBody.fields(ctx), campaigns, gazetteer);
    ctx.json(corrections.place(detention.id(), p.placement(), p.reason(), user(ctx)));
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
    CaseInput.ConsentGiven c = CaseInput.consent(JsonBody.fields(ctx), cases, person);
    ctx.status(201)
        .json(
            cases
                .consents()
                .record(person, c.consent(), c.givenBy(), c.report(), c.note(), user(ctx)));
  }

  private static String reason(Fields f) {
    return CaseInput.reason(f);
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
