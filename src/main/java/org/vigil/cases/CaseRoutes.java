package org.vigil.cases;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.LAWYER;

import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.List;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;

/** HTTP routes for detentions. They carry personal data, so only coordinators read them. */
public final class CaseRoutes {
  private final Cases cases;

  private CaseRoutes(Cases cases) {
    this.cases = cases;
  }

  public static void register(Api api, Cases cases) {
    CaseRoutes routes = new CaseRoutes(cases);
    api.get("/api/detentions", routes::list, COORDINATOR, ADMIN);
    api.get(
        "/api/detentions/{id}",
        ctx -> ctx.json(routes.find(ctx.pathParam("id"))),
        COORDINATOR,
        ADMIN);
    api.post("/api/detentions/{id}/status", routes::addStatus, COORDINATOR, LAWYER, ADMIN);
    api.post(
        "/api/detentions/{id}/confirm",
        ctx ->
            ctx.json(
                cases.confirm(routes.find(ctx.pathParam("id")).id(), Api.principal(ctx).userId())),
        COORDINATOR,
        ADMIN);
  }

  private void list(Context ctx) {
    int limit = Page.limit(ctx);
    List<Detention> items = cases.byEvent(ctx.queryParam("event"), ctx.queryParam("after"), limit);
    String next = items.size() == limit ? items.getLast().id() : null;
    ctx.json(new Page<>(items, next));
  }

  private Detention find(String id) {
    return cases.find(id).orElseThrow(() -> ApiError.notFound("no detention " + id));
  }

  private void addStatus(Context ctx) {
    Detention detention = find(ctx.pathParam("id"));
    Fields f = JsonBody.fields(ctx);
    DetentionStatus status = f.choice("status", DetentionStatus.class, true);
    OffsetDateTime at = f.dateTime("at", false);
    String source = f.text("source", 300, true);
    String article = f.text("article", 50, false);
    Long fine = f.longValue("fine_rub", 0, 100_000_000, false);
    Integer days = f.integer("arrest_days", 1, 365, false);
    String note = f.freeText("note", 5000, false);
    if (days != null && status != DetentionStatus.ADMINISTRATIVE_ARREST) {
      f.reject("arrest_days", "goes only with status administrative_arrest");
    }
    if (fine != null && status != DetentionStatus.FINED) {
      f.reject("fine_rub", "goes only with status fined");
    }
    f.done();
    var change =
        new StatusChange(
            null,
            status,
            at != null ? at : OffsetDateTime.now(),
            null,
            source,
            Api.principal(ctx).userId(),
            article,
            fine,
            days,
            note);
    ctx.status(201).json(cases.addStatus(detention.id(), change));
  }
}
