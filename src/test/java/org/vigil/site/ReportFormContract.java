package org.vigil.site;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The public report form over HTTP (issue #13, point 6), without a browser's script: a plain POST
 * stores one report and leads to its receipt code; wrong fields are named next to themselves in the
 * page's language; a form sent twice with one key stores once; staff find a report by its receipt;
 * the form and the JSON API share one per-address limit.
 */
abstract class ReportFormContract {
  private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void create() {
    db = TestDatabase.create(kind(), dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    db.close();
  }

  private void start(int publicPerMinute) {
    server = TestVigil.start(db, dir.resolve("keyset.json"), publicPerMinute);
  }

  @Test
  void a_form_post_stores_one_report_and_leads_to_its_receipt_code() {
    start(1000);
    Response page = server.get("/ru/report", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.header("Content-Security-Policy")).contains("form-action 'self'");
    assertThat(page.body()).contains("Сообщить о задержании", "Что не публикуется никогда");
    String key = key(page.body());

    Map<String, String> form = form(key);
    Response sent = postForm("/ru/report", form);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
    String location = sent.header("Location");
    assertThat(location).matches("/ru/report/sent\\?receipt=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    String code = location.substring(location.indexOf('=') + 1);
    Response receipt = server.get(location, null);
    assertThat(receipt.status()).isEqualTo(200);
    assertThat(receipt.body()).contains(code, "Сообщение получено");
    assertThat(stored()).isEqualTo(1);

    JsonNode report = server.get("/api/reports/by-receipt/" + code, COORDINATOR).json();
    assertThat(report.get("receipt_code").asText()).isEqualTo(code);
    assertThat(report.get("channel").asText()).isEqualTo("public");
    assertThat(report.get("name").asText()).isEqualTo("Зоя Тестова");
    assertThat(report.get("birth_year").asInt()).isEqualTo(1996);
    assertThat(report.get("minor").asBoolean()).isFalse();
    assertThat(report.get("city").asText()).isEqualTo("Екатеринбург");
    assertThat(report.get("place").asText()).isEqualTo("Плотинка");
    assertThat(report.get("police_station").asText()).isEqualTo("ОП № 5");
    assertThat(report.get("source").asText()).isEqualTo("relative");
    assertThat(report.get("contact").asText()).isEqualTo("+7 900 000-00-00");
    assertThat(report.get("consent").asText()).isEqualTo("initials");
    assertThat(report.get("text").asText()).isEqualTo("Увезли в автозаке.\nТелефон выключен.");
    // the time as said, in the time zone chosen (Yekaterinburg, UTC+5)
    assertThat(java.time.OffsetDateTime.parse(report.get("detained_at").asText()).toInstant())
        .isEqualTo(java.time.Instant.parse("2021-01-23T09:05:00Z"));
  }

  @Test
  void errors_name_their_fields_in_the_pages_language_and_nothing_is_stored() {
    start(1000);
    Map<String, String> wrong = new LinkedHashMap<>();
    wrong.put("name", "12345");
    wrong.put("birth_year", "девяносто");
    wrong.put("time", "14:05");
    wrong.put("utc_offset", "+03:00");
    wrong.put("city", "Москва\u202Eавксом");
    wrong.put("consent", "none");
    wrong.put("key", "k-errors");
    Response en = postForm("/en/report", wrong);
    assertThat(en.status()).isEqualTo(422);
    assertThat(en.header("Content-Type")).startsWith("text/html");
    assertThat(error(en.body(), "name")).isEqualTo("Name: must contain letters");
    assertThat(error(en.body(), "birth_year")).startsWith("Year of birth: must be a year between");
    assertThat(error(en.body(), "date")).isEqualTo("Date: give the date too");
    assertThat(error(en.body(), "city"))
        .isEqualTo("City: contains characters that are not text: please retype it");
    assertThat(en.body()).contains("value=\"12345\"", "aria-invalid=\"true\"");

    Response ru = postForm("/ru/report", wrong);
    assertThat(error(ru.body(), "name")).isEqualTo("Имя: должно содержать буквы");
    assertThat(error(ru.body(), "birth_year")).startsWith("Год рождения: должен быть годом от");
    assertThat(error(ru.body(), "date")).isEqualTo("Дата: укажите и дату");

    // a key no page of Vigil's made: the form again, with a key that will do
    Response tampered = postForm("/en/report", form("ключ"));
    assertThat(tampered.status()).isEqualTo(422);
    assertThat(tampered.body()).contains("could not be stored just now", "value=\"Зоя Тестова\"");
    assertThat(key(tampered.body())).isNotEqualTo("ключ");

    Response empty = postForm("/en/report", Map.of("consent", "none", "key", "k-empty"));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(error(empty.body(), "name"))
        .isEqualTo("Name: give the name of the detained person or write what happened");
    assertThat(stored()).isZero();
  }

  @Test
  void a_long_cyrillic_account_gets_a_field_error_not_a_raw_413() {
    start(1000);
    Map<String, String> form = form("k-long");
    form.put("text", "ж".repeat(ReportPages.TEXT_LIMIT + 1));
    Response tooLong = postForm("/ru/report", form);
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(error(tooLong.body(), "text"))
        .isEqualTo("Что произошло: не больше 4\u00a0000 знаков");
    assertThat(tooLong.body()).contains("value=\"Зоя Тестова\"");

    // what a form of the page's limits can send at most fits the body limit
    form.put("text", "ж".repeat(ReportPages.TEXT_LIMIT));
    form.put("key", "k-longest");
    assertThat(postForm("/ru/report", form).status()).isEqualTo(303);

    // a body over 64 KiB (no browser sends one from this form) is still answered with the page
    form.put("text", "ж".repeat(11_000));
    form.put("key", "k-huge");
    Response huge = postForm("/en/report", form);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.header("Content-Type")).startsWith("text/html");
    assertThat(error(huge.body(), "text"))
        .isEqualTo("What happened: may be at most 4,000 characters");
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void one_idempotency_key_stores_one_report_however_often_it_is_sent() {
    start(1000);
    Map<String, String> form = form("k-twice");
    Response first = postForm("/en/report", form);
    Response again = postForm("/en/report", form);
    assertThat(first.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));

    // as report.js sends it: the key in the header, JSON asked for
    form.put("key", "ignored-when-the-header-says");
    Response js =
        postForm("/en/report", form, "Accept", "application/json", "Idempotency-Key", "k-js");
    Response jsAgain =
        postForm("/en/report", form, "Accept", "application/json", "Idempotency-Key", "k-js");
    assertThat(js.status()).isEqualTo(201);
    assertThat(jsAgain.status()).isEqualTo(201);
    assertThat(jsAgain.json().get("receipt").asText()).isEqualTo(js.json().get("receipt").asText());
    assertThat(js.json().get("next").asText())
        .isEqualTo("/en/report/sent?receipt=" + js.json().get("receipt").asText());
    assertThat(stored()).isEqualTo(2);

    // the same key with other words: not stored over the first, the form says so with a new key
    form.put("name", "Другой Человек");
    form.put("key", "k-twice");
    Response changed = postForm("/en/report", form);
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.body()).contains("already sent with other words");
    assertThat(key(changed.body())).isNotEqualTo("k-twice");
    assertThat(stored()).isEqualTo(2);

    // JSON errors for the script, in the page's language
    Response invalid =
        postForm(
            "/ru/report",
            Map.of("name", "", "consent", "none"),
            "Accept",
            "application/json",
            "Idempotency-Key",
            "k-bad");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("errors").get("name").asText()).startsWith("Имя: укажите имя");
  }

  @Test
  void staff_find_a_report_by_its_receipt_code_as_it_is_typed_back() {
    start(1000);
    Response api =
        server.post(
            "/api/public/reports",
            "{\"name\": \"Гордей Квитанцев\", \"city\": \"Пермь\"}",
            null,
            "Idempotency-Key",
            "k-api");
    assertThat(api.status()).isEqualTo(201);
    String code = api.json().get("receipt").asText();
    String id = api.json().get("id").asText();
    assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    Response found = server.get("/api/reports/by-receipt/" + code, COORDINATOR);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("id").asText()).isEqualTo(id);
    assertThat(found.json().get("name").asText()).isEqualTo("Гордей Квитанцев");
    String typed = code.toLowerCase(java.util.Locale.ROOT).replace("-", "");
    assertThat(
            server.get("/api/reports/by-receipt/" + typed, COORDINATOR).json().get("id").asText())
        .isEqualTo(id);
    assertThat(server.get("/api/reports/" + id, COORDINATOR).json().get("receipt_code").asText())
        .isEqualTo(code);

    assertThat(server.get("/api/reports/by-receipt/" + code, OPERATOR).status()).isEqualTo(403);
    assertThat(server.get("/api/reports/by-receipt/" + code, null).status()).isEqualTo(401);
    String other = code.startsWith("0") ? "1" + code.substring(1) : "0" + code.substring(1);
    assertThat(server.get("/api/reports/by-receipt/" + other, COORDINATOR).status()).isEqualTo(404);
    Response garbage = server.get("/api/reports/by-receipt/not-a-code", COORDINATOR);
    assertThat(garbage.status()).isEqualTo(422);
    assertThat(garbage.json().get("errors").get(0).get("field").asText()).isEqualTo("code");

    // the same key again: the same receipt
    Response replay =
        server.post(
            "/api/public/reports",
            "{\"name\": \"Гордей Квитанцев\", \"city\": \"Пермь\"}",
            null,
            "Idempotency-Key",
            "k-api");
    assertThat(replay.json().get("receipt").asText()).isEqualTo(code);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void the_form_and_the_json_api_share_one_limit_per_address() {
    start(2);
    assertThat(postForm("/en/report", form("k-1")).status()).isEqualTo(303);
    assertThat(server.post("/api/public/reports", "{\"name\": \"Анна Лимитова\"}", null).status())
        .isEqualTo(201);
    Response limited = postForm("/en/report", form("k-3"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("30");
    assertThat(limited.header("Content-Type")).startsWith("text/html");
    assertThat(limited.body()).contains("Too many reports", "value=\"Зоя Тестова\"");
    assertThat(server.post("/api/public/reports", "{\"name\": \"Анна Лимитова\"}", null).status())
        .isEqualTo(429);
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void a_form_sent_from_another_site_is_refused() {
    start(1000);
    Map<String, String> form = form("k-foreign");
    String body = encode(form);
    Response foreign =
        server.send(
            server
                .request("/en/report", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.body()).contains("sent from another site");
    Response crossSite = postForm("/en/report", form, "Sec-Fetch-Site", "cross-site");
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(stored()).isZero();
  }

  /** A filled form, as a relative in Yekaterinburg sends it. */
  private static Map<String, String> form(String key) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", "Зоя Тестова");
    form.put("birth_year", "1996");
    form.put("date", "2021-01-23");
    form.put("time", "14:05");
    form.put("utc_offset", "+05:00");
    form.put("city", "Екатеринбург");
    form.put("place", "Плотинка");
    form.put("police_station", "ОП № 5");
    form.put("source", "relative");
    form.put("contact", "+7 900 000-00-00");
    form.put("consent", "initials");
    form.put("text", "Увезли в автозаке.\r\nТелефон выключен.");
    form.put("key", key);
    return form;
  }

  /** Posts a form as a browser on this site does (it says where it comes from). */
  private Response postForm(String path, Map<String, String> form, String... headers) {
    HttpRequest.Builder request =
        server
            .request(path, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", server.base())
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (headers.length > 0) request.headers(headers);
    return server.send(request.build());
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String key(String html) {
    Matcher m = KEY.matcher(html);
    assertThat(m.find()).as("the form's key").isTrue();
    return m.group(1);
  }

  /** The error shown next to a field, as text. */
  private static String error(String html, String field) {
    Matcher m =
        Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\">([^<]*)</p>")
            .matcher(html);
    assertThat(m.find()).as("an error next to " + field).isTrue();
    return m.group(1)
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private int stored() {
    return server
        .vigil()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
  }
}
