package org.vigil.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.util.List;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.security.PublicRateLimit;

/**
 * The one way an anonymous report comes in, whether from the JSON API ({@code POST
 * /api/public/reports}) or the public form ({@code /ru/report}): the client's allowance under the
 * per-address limit, the report read and checked field by field as {@link ReportForm} does, and
 * stored through {@link Intake} with its idempotency key, so a retried send stores nothing twice.
 */
public final class PublicIntake {
  private final Intake intake;
  private final PublicRateLimit limit;

  public PublicIntake(Intake intake, PublicRateLimit limit) {
    this.intake = intake;
    this.limit = limit;
  }

  /** Seconds until a client refused with 429 may try again. */
  public long retryAfterSeconds() {
    return limit.retryAfterSeconds();
  }

  /**
   * Stores an anonymous report given as the JSON API's fields.
   *
   * @param idempotencyKey as {@link Intake#idempotencyKey} checked it; null: none
   * @throws ApiError 429 if the client used up its allowance (nothing is stored; see {@link
   *     #retryAfterSeconds}), 422 naming each field that is wrong
   */
  public Intake.Receipt submit(ObjectNode report, InetAddress client, String idempotencyKey) {
    if (!limit.tryAcquire(client)) {
      throw new ApiError(
          429, "Too many requests", "too many reports from this address; retry later", List.of());
    }
    ReportContent content = ReportForm.read(Fields.of(report));
    return intake.submit(content, Channel.PUBLIC, null, idempotencyKey);
  }

  /**
   * Checks a report as {@link #submit} would, storing nothing and counting against no allowance:
   * for a form that found errors of its own and wants the others named with them.
   *
   * @throws ApiError 422 naming each field that is wrong
   */
  public void check(ObjectNode report) {
    ReportForm.read(Fields.of(report));
  }
}
