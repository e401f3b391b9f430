package org.vigil.linkage;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import io.javalin.http.Context;
import java.util.Map;
import org.vigil.cases.AlreadyDecided;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;

/** HTTP routes for the review queue and for coordinators' decisions on who a report is about. */
public final class LinkageRoutes {
  private final Linkage linkage;

  private LinkageRoutes(Linkage linkage) {
    this.linkage = linkage;
  }

  public static void register(Api api, Linkage linkage) {
    LinkageRoutes routes = new LinkageRoutes(linkage);
    api.get("/api/review", routes::review, COORDINATOR, ADMIN);
    api.post("/api/reports/{id}/person", routes::decide, COORDINATOR, ADMIN);
    api.post("/api/persons/{id}/merge", routes::merge, COORDINATOR, ADMIN);
    api.get(
        "/api/reports/{id}/decisions",
        ctx -> ctx.json(Map.of("items", routes.history(ctx.pathParam("id")))),
        COORDINATOR,
        ADMIN);
  }

  /**
   * Reports in review at once by default: as many as the console's review page shows. A report is
   * decided by a person comparing it with its candidates, one at a time, and the queue's head moves
   * as coordinators decide (it has no cursor: a client reads the head again after deciding), so
   * reports read far ahead of the decisions are stale by then; and each costs up to 190 decryptions
   * (it, nine candidates and up to twenty reports of each).
   */
  static final int REVIEW_DEFAULT = ReviewPage.PAGE;

  /** At most this many at once: five console pages. */
  static final int REVIEW_MAX = 5 * ReviewPage.PAGE;

  /** {@code ?order=oldest|newest}: the queue by when each report was opened for review. */
  private void review(Context ctx) {
    String order = ctx.queryParam("order");
    if (order != null && !order.equals("oldest") && !order.equals("newest")) {
      throw ApiError.invalid("order", "must be oldest or newest");
    }
    int limit = Page.limit(ctx, REVIEW_DEFAULT, REVIEW_MAX);
    ctx.json(Map.of("items", linkage.reviewItems(limit, "newest".equals(order))));
  }

  /**
   * {@code {"person": ID}} links the report to that person (confirm a candidate, merge, or undo a
   * decision); {@code {"person": null}} gives it a person of its own (reject, split). {@code
   * "replaces"} names the decision the coordinator saw in force (a review item's {@code decision});
   * if another replaced it first the answer is 409, "already decided by …", and nothing changes.
   */
  private void decide(Context ctx) {
    String reportId = ctx.pathParam("id");
    history(reportId);
    var body = JsonBody.object(ctx);
    Fields f = Fields.of(body);
    String person = f.text("person", 64, false);
    String replaces = f.text("replaces", 64, false);
    if (!body.has("person"))
      f.reject("person", "is required: a person id, or null for a new person");
    if (person != null && !linkage.personExists(person))
      f.reject("person", "no person with this id");
    f.done();
    try {
      ctx.status(201).json(linkage.decide(reportId, person, replaces, Api.principal(ctx).userId()));
    } catch (AlreadyDecided decided) {
      throw decided.problem();
    }
  }

  /** {@code {"into": ID}}: every report about this person is decided for that one. */
  private void merge(Context ctx) {
    String person = ctx.pathParam("id");
    Fields f = JsonBody.fields(ctx);
    String into = f.text("into", 64, true);
    if (into != null && !linkage.personExists(into)) f.reject("into", "no person with this id");
    if (person.equals(into)) f.reject("into", "is the person being merged");
    f.done();
    if (!linkage.personExists(person)) throw ApiError.notFound("no person " + person);
    ctx.status(201).json(Map.of("items", linkage.merge(person, into, Api.principal(ctx).userId())));
  }

  private java.util.List<Linkage.Decision> history(String reportId) {
    var decisions = linkage.history(reportId);
    if (decisions.isEmpty()) throw ApiError.notFound("no linked report " + reportId);
    return decisions;
  }
}
