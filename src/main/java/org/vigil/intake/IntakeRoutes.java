package org.vigil.intake;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.vigil.cases.Corrections;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.JsonBody;
import org.vigil.http.Page;

/** HTTP routes for submitting reports and, for coordinators, reading them back. */
public final class IntakeRoutes {
  private final Intake intake;
  private final Corrections corrections;
  private final PublicIntake publicIntake;

  private IntakeRoutes(Intake intake, Corrections corrections, PublicIntake publicIntake) {
    this.intake = intake;
    this.corrections = corrections;
    this.publicIntake = publicIntake;
  }

  public static void register(
      Api api, Intake intake, Corrections corrections, PublicIntake publicIntake) {
    IntakeRoutes routes = new IntakeRoutes(intake, corrections, publicIntake);
    api.post("/api/reports", routes::submitByOperator, OPERATOR, COORDINATOR, ADMIN);
    api.post("/api/public/reports", routes::submitByPublic);
    api.get("/api/reports", routes::list, COORDINATOR, ADMIN);
    api.get("/api/reports/by-receipt/{code}", routes::byReceipt, COORDINATOR, ADMIN);
    api.get("/api/reports/{id}", routes::show, COORDINATOR, ADMIN);
  }

  private void submitByOperator(Context ctx) {
    String key = Intake.idempotencyKey(ctx.header("Idempotency-Key"));
    ReportContent content = ReportForm.read(JsonBody.fields(ctx));
    answer(ctx, intake.submit(content, Channel.OPERATOR, Api.principal(ctx), key));
  }

  private void submitByPublic(Context ctx) {
    String key = Intake.idempotencyKey(ctx.header("Idempotency-Key"));
    try {
      answer(ctx, publicIntake.submit(JsonBody.object(ctx), Api.client(ctx), key));
    } catch (ApiError refused) {
      if (refused.status() == 429) {
        ctx.header("Retry-After", Long.toString(publicIntake.retryAfterSeconds()));
      }
      throw refused;
    }
  }

  private static void answer(Context ctx, Intake.Receipt receipt) {
    if (receipt.replayed()) ctx.header("Idempotent-Replayed", "true");
    ctx.header("Location", "/api/reports/" + receipt.id());
    var body = new java.util.LinkedHashMap<String, String>();
    body.put("id", receipt.id());
    if (receipt.code() != null) body.put("receipt", receipt.code());
    ctx.status(201).json(body);
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

  /** The report a reporter's receipt code names, as {@link #show} shows it. */
  private void byReceipt(Context ctx) {
    String typed = ctx.pathParam("code");
    if (ReceiptCode.parse(typed).isEmpty()) {
      throw ApiError.invalid(
          "code", "is not a receipt code: 12 letters and digits, like 7KQM-2XHP-9WDF");
    }
    Report report =
        intake
            .findByReceipt(typed)
            .orElseThrow(() -> ApiError.notFound("no report has the receipt code " + typed));
    ctx.json(new Shown(report, corrections.rejection(report.id()).orElse(null)));
  }

  private record Shown(@JsonUnwrapped Report report, Corrections.Decision rejection) {}
}
