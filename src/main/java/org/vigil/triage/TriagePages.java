package org.vigil.triage;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.vigil.cases.AlreadyDecided;
import org.vigil.cases.Corrections;
import org.vigil.cases.Detention;
import org.vigil.console.Console;
import org.vigil.console.Shell;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.Json;
import org.vigil.http.Page;
import org.vigil.site.Texts;
import org.vigil.storage.Ids;

/**
 * The coordinator's triage: {@code /console/triage}, new unconfirmed reports newest first, kept
 * current by {@code /api/triage/live}, each confirmed or rejected where it stands. Confirming and
 * rejecting go through {@link Corrections}, so the public count moves as from the API, and a row
 * another coordinator decided first is refused with who and when.
 */
public final class TriagePages {
  /** Rows on the page; older ones are a "more" link away. */
  static final int PAGE = 50;

  private static final int REASON_LENGTH = 2000;

  private final Triage triage;
  private final Corrections corrections;

  private TriagePages(Triage triage, Corrections corrections) {
    this.triage = triage;
    this.corrections = corrections;
  }

  /** One row as the page shows it: times in Moscow time, channel and source in words. */
  public record ShownRow(
      Triage.Row row,
      String received,
      String detained,
      String channel,
      String source,
      String flags) {}

  /**
   * The page: its rows, the id of the newest (where the live stream picks up), the cursor of the
   * next page, what was just done ({@code notice}) or refused ({@code conflict}).
   */
  public record TriageView(
      List<ShownRow> rows,
      String newestId,
      String before,
      String next,
      String notice,
      String conflict,
      ShownRow blank,
      String labels) {}

  public static void register(
      Api api, Console console, Triage triage, TriageStream stream, Corrections corrections) {
    TriagePages pages = new TriagePages(triage, corrections);
    api.get(
        "/api/triage",
        ctx -> {
          int limit = Page.limit(ctx);
          List<Triage.Row> rows = triage.newest(ctx.queryParam("before"), limit);
          ctx.json(new Page<>(rows, rows.size() == limit ? rows.getLast().id() : null));
        },
        COORDINATOR,
        ADMIN);
    api.sse("/api/triage/live", stream::join, COORDINATOR, ADMIN);
    console.page("/console/triage", "triage", r -> pages.view(r, null, null), COORDINATOR, ADMIN);
    console.form("/console/triage/{id}/confirm", pages::confirm, COORDINATOR, ADMIN);
    console.form("/console/triage/{id}/reject", pages::reject, COORDINATOR, ADMIN);
  }

  private void confirm(Console.Request r) {
    String id = r.param("id");
    if (triage.reportOf(id).isEmpty()) {
      refuse(r, 404, r.texts().get("triage.gone"));
      return;
    }
    try {
      Detention confirmed = corrections.confirm(id, null, Api.principal(r.ctx()).userId());
      r.redirect("/console/triage?confirmed=" + confirmed.id());
    } catch (AlreadyDecided decided) {
      refuse(r, 409, conflict(r.texts(), decided));
    } catch (Corrections.Refused e) {
      refuse(r, 409, e.getMessage());
    }
  }

  private void reject(Console.Request r) {
    String id = r.param("id");
    String user = Api.principal(r.ctx()).userId();
    ObjectNode form = Json.mapper().createObjectNode();
    form.put("as", r.field("as"));
    form.put("reason", r.field("reason"));
    Fields f = Fields.of(form);
    Corrections.Rejection as;
    String reason;
    try {
      as = f.choice("as", Corrections.Rejection.class, true);
      reason = f.freeText("reason", REASON_LENGTH, true);
      f.done();
    } catch (ApiError invalid) {
      refuse(r, 422, r.texts().get("triage.reject.invalid"));
      return;
    }
    String report = triage.reportOf(id).orElse(null);
    if (report == null) {
      refuse(r, 404, r.texts().get("triage.gone"));
      return;
    }
    try {
      corrections.rejectUnconfirmed(report, as, reason, user);
      r.redirect("/console/triage?rejected=" + id);
    } catch (AlreadyDecided decided) {
      refuse(r, 409, conflict(r.texts(), decided));
    } catch (Corrections.Refused e) {
      refuse(r, 409, e.getMessage());
    }
  }

  private void refuse(Console.Request r, int status, String why) {
    r.ctx().status(status);
    r.render("triage", view(r, null, why));
  }

  /** "Already decided by Anna at 23 Jan 14:05 (Moscow time)", in the reader's language. */
  static String conflict(Texts t, AlreadyDecided decided) {
    return t.format(
        "triage.conflict",
        Map.of("name", decided.decidedBy(), "time", Shell.moscow(decided.decidedAt())));
  }

  private TriageView view(Console.Request r, String notice, String conflict) {
    Texts t = r.texts();
    String before = r.ctx().queryParam("before");
    List<Triage.Row> rows = triage.newest(blankToNull(before), PAGE);
    // Where the live stream picks up: after the newest row shown, or, with none, after what was
    // made just before this page (a report committing meanwhile is then sent, not lost).
    String newest =
        rows.isEmpty()
            ? Ids.at(System.currentTimeMillis() - TriageStream.WINDOW)
            : rows.getFirst().id();
    String done = notice;
    if (done == null && r.ctx().queryParam("confirmed") != null) done = t.get("triage.confirmed");
    if (done == null && r.ctx().queryParam("rejected") != null) done = t.get("triage.rejected");
    return new TriageView(
        rows.stream().map(row -> shown(t, row)).toList(),
        newest,
        before,
        rows.size() == PAGE ? rows.getLast().id() : null,
        done,
        conflict,
        BLANK,
        labels(t));
  }

  /** The row the page's script copies for a report the stream brings; {@code __ID__} is its id. */
  private static final ShownRow BLANK =
      new ShownRow(
          new Triage.Row(
              "__ID__", "", null, null, "", "", "", "", "", null, "", false, false, false),
          "",
          "",
          "",
          "",
          "");

  /** The words the page's script needs for rows it draws: channels, sources and flags. */
  private static String labels(Texts t) {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (String key :
        List.of(
            "channel.operator",
            "channel.public",
            "source.self",
            "source.relative",
            "source.witness",
            "source.lawyer",
            "source.media",
            "source.other",
            "source.unknown",
            "flag.minor",
            "flag.force",
            "flag.journalist",
            "decided.confirm",
            "decided.reject")) {
      labels.put(key, t.get("triage." + key));
    }
    try {
      return Json.mapper().writeValueAsString(labels);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ShownRow shown(Texts t, Triage.Row row) {
    StringBuilder flags = new StringBuilder();
    if (row.minor()) flags.append(t.get("triage.flag.minor")).append(' ');
    if (row.forceUsed()) flags.append(t.get("triage.flag.force")).append(' ');
    if (row.journalist()) flags.append(t.get("triage.flag.journalist")).append(' ');
    return new ShownRow(
        row,
        Shell.moscow(row.receivedAt()),
        row.detainedAt() == null ? "—" : Shell.moscow(row.detainedAt().toInstant()),
        t.get("triage.channel." + row.channel()),
        t.get("triage.source." + row.source()),
        flags.toString().strip());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
