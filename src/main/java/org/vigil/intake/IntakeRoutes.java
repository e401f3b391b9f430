package org.vigil.intake;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.vigil.cases.Corrections;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;
import org.vigil.security.Principal;
import org.vigil.security.PublicRateLimit;

/** HTTP routes for submitting reports and, for coordinators, reading them back. */
public final class IntakeRoutes {
  private final Intake intake;
  private final Corrections corrections;
  private final PublicRateLimit publicLimit;

  private IntakeRoutes(Intake intake, Corrections corrections, PublicRateLimit publicLimit) {
    this.intake = intake;
    this.corrections = corrections;
    this.publicLimit = publicLimit;
  }

  public static void register(
      Api api, Intake intake, Corrections corrections, PublicRateLimit publicLimit) {
    IntakeRoutes routes = new IntakeRoutes(intake, corrections, publicLimit);
    api.post("/api/reports", routes::submitByOperator, OPERATOR, COORDINATOR, ADMIN);
    api.post("/api/public/reports", routes::submitByPublic);
    api.get("/api/reports", routes::list, COORDINATOR, ADMIN);
    api.get("/api/reports/{id}", routes::show, COORDINATOR, ADMIN);
  }

  private void submitByOperator(Context ctx) {
    submit(ctx, Channel.OPERATOR, Api.principal(ctx));
  }

  private void submitByPublic(Context ctx) {
    if (!publicLimit.tryAcquire(Api.client(ctx))) {
      ctx.header("Retry-After", Long.toString(publicLimit.retryAfterSeconds()));
      throw new ApiError(
          429, "Too many requests", "too many reports from this address; retry later", List.of());
    }
    submit(ctx, Channel.PUBLIC, null);
  }

  private void submit(Context ctx, Channel channel, Principal submitter) {
    String key = idempotencyKey(ctx);
    ReportContent content = ReportForm.read(JsonBody.fields(ctx));
    Intake.Receipt receipt = intake.submit(content, channel, submitter, key);
    if (receipt.replayed()) ctx.header("Idempotent-Replayed", "true");
    ctx.header("Location", "/api/reports/" + receipt.id());
    ctx.status(201).json(Map.of("id", receipt.id()));
  }

  private static String idempotencyKey(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null) return null;
    if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw ApiError.invalid(
          "Idempotency-Key", "must be 1 to 200 visible ASCII characters, e.g. a UUID");
    }
    return key;
  }

  private void list(Context ctx) {
    int limit = Page.limit(ctx);
    ctx.json(intake.list(ctx.queryParam("campaign"), since(ctx), ctx.queryParam("cursor"), limit));
  }

  private static Instant since(Context ctx) {
    String raw = ctx.queryParam("since");
    if (raw == null) return null;
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(
          "since", "must be an ISO 8601 date-time with offset, like 2021-01-23T00:00:00Z");
    }
  }

  /** A report as stored, and the rejection in force if a coordinator rejected it. */
  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    Report report = intake.find(id).orElseThrow(() -> ApiError.notFound("no report " + id));
    ctx.json(new Shown(report, corrections.rejection(id).orElse(null)));
  }

  private record Shown(@JsonUnwrapped Report report, Corrections.Decision rejection) {}
}
