package org.vigil.site;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Plausible;
import org.vigil.http.SameOrigin;
import org.vigil.http.WebServer;
import org.vigil.intake.Intake;
import org.vigil.intake.PublicIntake;
import org.vigil.intake.ReceiptCode;

/**
 * The public report form, {@code /ru/report} and {@code /en/report}: a detainee's relative or a
 * witness tells Vigil of a detention from a phone. It works as a plain form (POST, then 303 to a
 * page with the receipt code); {@code assets/report.js} sends the same form with {@code fetch},
 * asking for JSON, keeps it in the browser until it is acknowledged and sends it again with the
 * same idempotency key after a dropped connection. Either way the report goes through {@link
 * PublicIntake}, as the JSON API's do: the same rate limit, checks and storage.
 *
 * <p>The form's fields are the API's, but for the time of the detention (date, time and the time
 * zone, as people say it, made into {@code detained_at}) and the idempotency key (a hidden field
 * made with the page, so that a second tap on "send" stores nothing twice). Errors are shown next
 * to their field in the page's language.
 */
public final class ReportPages {
  /**
   * The longest account the form takes, in characters: a form body is URL-encoded, where one
   * Cyrillic character takes six bytes (nine for some other scripts), and the whole must stay under
   * {@link WebServer#MAX_BODY_BYTES} with every other field at its longest.
   */
  public static final int TEXT_LIMIT = 4_000;

  /** As the other public pages, but this one's form posts to Vigil itself. */
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Russia's UTC offsets, in hours (there is no summer time since 2014); Moscow's is given. */
  private static final List<Integer> OFFSETS = IntStream.rangeClosed(2, 12).boxed().toList();

  private static final int MOSCOW = 3;
  private static final List<String> SOURCES =
      List.of("relative", "witness", "self", "lawyer", "media", "other");
  private static final List<String> CONSENTS = List.of("none", "initials", "full");

  /** The form's one-line fields sent to intake as they are, with their length limits. */
  private static final Map<String, Integer> TEXTS =
      Map.of("name", 300, "city", 200, "place", 500, "police_station", 300, "contact", 300);

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final PublicIntake intake;

  private ReportPages(PublicIntake intake) {
    this.intake = intake;
  }

  /** What the form page shows: the values sent, the errors by field, a notice above the form. */
  public record Form(
      Views.Page page,
      Map<String, String> values,
      Map<String, String> errors,
      String notice,
      List<Zone> zones) {
    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public String error(String field) {
      return errors.get(field);
    }

    /** The value of aria-describedby: the field's hint and, if it is wrong, its error. */
    public String describedBy(String field, boolean hint) {
      String error = errors.containsKey(field) ? field + "-error" : null;
      if (hint) return error == null ? field + "-hint" : field + "-hint " + error;
      return error;
    }

    public int textLimit() {
      return TEXT_LIMIT;
    }

    public List<String> sources() {
      return SOURCES;
    }

    public List<String> consents() {
      return CONSENTS;
    }
  }

  /** A choice of time zone: its offset ({@code +03:00}) and how it is named. */
  public record Zone(String offset, String label) {}

  /** The page after sending: the receipt code. */
  public record Sent(Views.Page page, String code) {}

  public static void register(Api api, PublicIntake intake) {
    ReportPages pages = new ReportPages(intake);
    for (Language lang : Language.values()) {
      String path = "/" + lang.code() + "/report";
      api.get(path, ctx -> pages.blank(ctx, lang));
      api.post(path, ctx -> pages.send(ctx, lang));
      api.get(path + "/sent", ctx -> pages.sent(ctx, lang));
    }
  }

  private void blank(Context ctx, Language lang) {
    show(ctx, lang, 200, blankValues(), Map.of(), null);
  }

  private void send(Context ctx, Language lang) {
    Texts t = lang.texts();
    boolean json = wantsJson(ctx);
    if (ctx.req().getContentLengthLong() > WebServer.MAX_BODY_BYTES) {
      // Nothing of it can be read; the form's limits make this a hand-made request.
      refuse(ctx, lang, json, 413, blankValues(), Map.of("text", tooLong(t)), null);
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields()) {
      String value = ctx.formParam(field);
      if (value != null) values.put(field, value);
    }
    String foreign = SameOrigin.refusal(ctx);
    if (foreign != null) {
      // Another site's page may not make its readers' browsers send reports.
      refuse(ctx, lang, json, 403, values, Map.of(), t.get("report.foreign"));
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    ObjectNode report = report(values, errors, t);
    String key = ctx.header("Idempotency-Key");
    if (key == null) key = values.get("key");
    try {
      key = Intake.idempotencyKey(key == null || key.isEmpty() ? null : key);
      if (!errors.isEmpty()) {
        // The form's own findings, with whatever intake finds wrong in the other fields.
        intake.check(report);
        refuse(ctx, lang, json, 422, values, errors, null);
        return;
      }
      Intake.Receipt receipt = intake.submit(report, Api.client(ctx), key);
      String next = "/" + lang.code() + "/report/sent?receipt=" + receipt.code();
      ctx.header("Cache-Control", "no-store");
      if (json) {
        ctx.status(201).json(Map.of("receipt", receipt.code(), "next", next));
      } else {
        ctx.status(303).header("Location", next);
      }
    } catch (ApiError refused) {
      refused(ctx, lang, json, refused, values, errors);
    }
  }

  private void refused(
      Context ctx,
      Language lang,
      boolean json,
      ApiError refused,
      Map<String, String> values,
      Map<String, String> errors) {
    Texts t = lang.texts();
    if (refused.status() == 429) {
      ctx.header("Retry-After", Long.toString(intake.retryAfterSeconds()));
      refuse(ctx, lang, json, 429, values, errors, t.get("report.limited"));
      return;
    }
    if (refused.status() != 422) {
      refuse(ctx, lang, json, refused.status(), values, errors, t.get("report.failed"));
      return;
    }
    String notice = null;
    for (ApiError.FieldError e : refused.errors()) {
      if (e.field().equals("Idempotency-Key")) {
        // Sent before with other words (or a key no page of Vigil's made): a new report.
        values.put("key", UUID.randomUUID().toString());
        notice = t.get(e.reason().startsWith("already used") ? "report.resent" : "report.failed");
        continue;
      }
      String field = e.field().equals("detained_at") ? "date" : e.field();
      errors.putIfAbsent(field, explain(t, field, e.reason()));
    }
    refuse(ctx, lang, json, 422, values, errors, notice);
  }

  private void refuse(
      Context ctx,
      Language lang,
      boolean json,
      int status,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("errors", errors);
      if (notice != null) body.put("notice", notice);
      if (values.containsKey("key")) body.put("key", values.get("key"));
      ctx.header("Cache-Control", "no-store");
      ctx.status(status).json(body);
      return;
    }
    show(ctx, lang, status, values, errors, notice);
  }

  private void show(
      Context ctx,
      Language lang,
      int status,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    Texts t = lang.texts();
    Views.Page page = new Views.Page(lang, t.get("report.title"), "report", "report", null);
    List<Zone> zones =
        OFFSETS.stream().map(h -> new Zone(offset(h), t.get("report.zone." + h))).toList();
    html(ctx, status, render("report.jte", new Form(page, values, errors, notice, zones)));
  }

  private void sent(Context ctx, Language lang) {
    Texts t = lang.texts();
    var code = ReceiptCode.parse(ctx.queryParam("receipt"));
    if (code.isEmpty()) {
      Views.Page page = new Views.Page(lang, t.get("notfound.title"), "notfound", "report", null);
      html(ctx, 404, render("notfound.jte", page));
      return;
    }
    Views.Page page =
        new Views.Page(
            lang, t.get("report.sent.title"), "report", "report/sent?receipt=" + code.get(), null);
    html(ctx, 200, render("sent.jte", new Sent(page, code.get())));
  }

  /**
   * The report as the JSON API takes it, from the form's fields; what the form alone can find wrong
   * (a time without a date, an account too long for the form) goes into {@code errors}, and that
   * field is left out.
   */
  static ObjectNode report(Map<String, String> form, Map<String, String> errors, Texts t) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    TEXTS.forEach(
        (field, limit) -> {
          String value = form.get(field);
          if (value != null && !value.isBlank()) report.put(field, value);
        });
    String text = form.get("text");
    if (text != null && !text.isBlank()) {
      String lines = text.replace("\r\n", "\n");
      if (lines.codePointCount(0, lines.length()) > TEXT_LIMIT) {
        errors.put("text", tooLong(t));
      } else {
        report.put("text", text);
      }
    }
    String year = form.getOrDefault("birth_year", "").strip();
    if (year.matches("[0-9]{1,9}")) {
      report.put("birth_year", Integer.parseInt(year));
    } else if (!year.isEmpty()) {
      report.put("birth_year", year); // refused by intake as not a whole number
    }
    if (form.containsKey("minor")) report.put("minor", true);
    String source = form.getOrDefault("source", "");
    if (!source.isBlank()) report.put("source", source);
    String consent = form.getOrDefault("consent", "");
    if (!consent.isBlank()) report.put("consent", consent);
    detainedAt(form, errors, t, report);
    return report;
  }

  /** {@code detained_at} from the date, the time and the time zone, each a field of its own. */
  private static void detainedAt(
      Map<String, String> form, Map<String, String> errors, Texts t, ObjectNode report) {
    String dateText = form.getOrDefault("date", "").strip();
    String timeText = form.getOrDefault("time", "").strip();
    if (dateText.isEmpty() && timeText.isEmpty()) return;
    LocalDate date = null;
    LocalTime time = null;
    if (dateText.isEmpty()) {
      errors.put("date", label(t, "date") + ": " + t.get("report.error.dateForTime"));
    } else {
      try {
        date = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        errors.put("date", label(t, "date") + ": " + t.get("report.error.date"));
      }
    }
    if (timeText.isEmpty()) {
      errors.put("time", label(t, "time") + ": " + t.get("report.error.timeForDate"));
    } else {
      try {
        time = LocalTime.parse(timeText);
      } catch (DateTimeParseException e) {
        errors.put("time", label(t, "time") + ": " + t.get("report.error.time"));
      }
    }
    ZoneOffset offset = null;
    String zone = form.getOrDefault("utc_offset", offset(MOSCOW));
    if (OFFSETS.stream().map(ReportPages::offset).anyMatch(zone::equals)) {
      offset = ZoneOffset.of(zone);
    } else {
      errors.put("utc_offset", label(t, "utc_offset") + ": " + t.get("report.error.choice"));
    }
    if (date != null && time != null && offset != null) {
      report.put("detained_at", OffsetDateTime.of(date, time, offset).toString());
    }
  }

  /**
   * Intake's reason, in the page's language and naming the field: intake's reasons are written for
   * API clients in English, and each kind has its words here. A reason without them is shown as
   * intake wrote it, after the field's name.
   */
  static String explain(Texts t, String field, String reason) {
    String key;
    Map<String, Object> args = Map.of();
    if (reason.equals("is required")) {
      key = "required";
    } else if (reason.startsWith("must be at most ")) {
      key = "tooLong";
      args = Map.of("max", Integer.parseInt(reason.replaceAll("[^0-9]", "")));
    } else if (reason.equals("must contain at least one letter")) {
      key = "letter";
    } else if (reason.startsWith("must be a whole number")) {
      key = "year";
      args =
          Map.of(
              "min", Integer.toString(Plausible.earliestBirthYear()),
              "max", Integer.toString(Plausible.latestBirthYear()));
    } else if (reason.equals("is in the future")) {
      key = "future";
    } else if (reason.startsWith("is before ")) {
      key = "early";
    } else if (reason.startsWith("is less than ")) {
      key = "young";
      args = Map.of("age", Plausible.YOUNGEST_AGE);
    } else if (reason.equals("must be one line")) {
      key = "oneLine";
    } else if (reason.contains("control characters")
        || reason.contains("surrogate")
        || reason.contains("non-characters")) {
      key = "characters";
    } else if (reason.startsWith("is empty once invisible")) {
      key = "invisible";
    } else if (reason.startsWith("name or text is required")) {
      key = "nameOrText";
    } else if (reason.startsWith("must be one of")) {
      key = "choice";
    } else {
      return label(t, field) + ": " + reason;
    }
    return label(t, field) + ": " + t.format("report.error." + key, args);
  }

  private static String label(Texts t, String field) {
    return t.get("report.field." + field);
  }

  private static String tooLong(Texts t) {
    return label(t, "text")
        + ": "
        + t.format("report.error.tooLong", Map.of("max", t.number(TEXT_LIMIT)));
  }

  /** A new form: Moscow time, no name published, a fresh idempotency key. */
  private static Map<String, String> blankValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("utc_offset", offset(MOSCOW));
    values.put("consent", "none");
    values.put("key", UUID.randomUUID().toString());
    return values;
  }

  private static List<String> fields() {
    return List.of(
        "name",
        "birth_year",
        "minor",
        "date",
        "time",
        "utc_offset",
        "city",
        "place",
        "police_station",
        "source",
        "contact",
        "consent",
        "text",
        "key");
  }

  static String offset(int hours) {
    return String.format(Locale.ROOT, "+%02d:00", hours);
  }

  private static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json");
  }

  private String render(String template, Object view) {
    StringOutput out = new StringOutput();
    templates.render(template, view, out);
    return out.toString();
  }

  /** A page made for one reader: not kept by any cache, and not shown inside other sites. */
  private static void html(Context ctx, int status, String html) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
  }
}
