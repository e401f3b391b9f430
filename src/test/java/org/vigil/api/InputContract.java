package org.vigil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * Hostile and mistaken input, as it was once accepted through the API (issue #12), is refused with
 * the field named, and nothing of it is stored; what is stored is clean text. Run on each database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InputContract {
  private Path dir;
  private TestDatabase db;
  private TestVigil server;

  abstract TestDatabase.Kind kind();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("vigil-input");
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  @Test
  void names_of_only_spaces_or_invisible_characters_are_refused() {
    int before = count("reports");
    assertRefused(report("{\"name\": \"   \"}"), "name", "name or text is required");
    assertRefused(report("{\"name\": \"\\u00a0\\u3000\"}"), "name", "name or text is required");
    for (String invisible :
        new String[] {"\\u200b\\u200b", " \\ufeff ", "\\u2060\\u00ad", "\\u200d"}) {
      assertRefused(
          report("{\"name\": \"" + invisible + "\", \"text\": \"задержан\"}"),
          "name",
          "is empty once invisible characters are removed");
    }
    assertRefused(
        report("{\"name\": \"Иван Петров\", \"city\": \"\\u200b\"}"),
        "city",
        "is empty once invisible characters are removed");
    assertRefused(report("{\"name\": \"12345 !\"}"), "name", "must contain at least one letter");
    assertThat(count("reports")).isEqualTo(before);
  }

  @Test
  void bidirectional_controls_lone_surrogates_controls_and_non_characters_are_refused() {
    int before = count("reports");
    // U+202E shows "Иван Петров" + override + "вориС" as another name
    assertRefused(
        report("{\"name\": \"Иван \\u202eвориС\"}"), "name", "bidirectional control characters");
    for (String bidi :
        new String[] {"\\u061c", "\\u200e", "\\u200f", "\\u202a", "\\u2066", "\\u2069"}) {
      assertRefused(report("{\"name\": \"Анна" + bidi + "\"}"), "name", "bidirectional");
    }
    assertRefused(report("{\"name\": \"Анна \\ud800\"}"), "name", "unpaired surrogate");
    assertRefused(report("{\"name\": \"Анна \\udc00 Ли\"}"), "name", "unpaired surrogate");
    assertRefused(report("{\"name\": \"Анна\", \"city\": \"Казань\\u0007\"}"), "city", "control");
    assertRefused(report("{\"name\": \"Анна\", \"city\": \"Казань\\u0085\"}"), "city", "control");
    assertRefused(report("{\"name\": \"Анна\\nЛи\"}"), "name", "must be one line");
    assertRefused(report("{\"name\": \"Анна\\tЛи\"}"), "name", "control");
    assertRefused(report("{\"name\": \"Анна\\r\\nЛи\"}"), "name", "must be one line");
    assertRefused(
        report("{\"name\": \"Анна\", \"police_station\": \"ОВД\\u2028Тверской\"}"),
        "police_station",
        "must be one line");
    assertRefused(report("{\"name\": \"Анна\\ufffe\"}"), "name", "non-characters");
    assertRefused(report("{\"name\": \"Анна\\ufdd0\"}"), "name", "non-characters");
    assertRefused(report("{\"name\": \"Анна\", \"text\": \"a\\u0000b\"}"), "text", "control");
    assertThat(count("reports")).isEqualTo(before);
  }

  @Test
  void stored_text_is_nfc_without_invisible_characters_and_free_text_keeps_its_lines() {
    // "й" typed as и + combining breve, "Москва" with a zero-width space and a soft hyphen
    Response created =
        report(
            """
            {"name": "Андре\\u0438\\u0306 Мо\\u00adро\\u200bзов", "city": "Москва\\u200b",
             "text": "первая строка\\r\\nвторая\\tстрока 👨‍👩‍👧"}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode stored =
        server.get("/api/reports/" + created.json().get("id").asText(), COORDINATOR).json();
    assertThat(stored.get("name").asText()).isEqualTo("Андрей Морозов");
    assertThat(stored.get("city").asText()).isEqualTo("Москва");
    assertThat(stored.get("text").asText()).isEqualTo("первая строка\nвторая\tстрока 👨‍👩‍👧");
  }

  @Test
  void birth_years_and_times_out_of_range_are_refused() {
    int year = Year.now(ZoneOffset.UTC).getValue();
    int before = count("reports");
    assertRefused(report("{\"name\": \"Анна\", \"birth_year\": " + year + "}"), "birth_year", "");
    assertRefused(report("{\"name\": \"Анна\", \"birth_year\": 2026}"), "birth_year", "");
    assertRefused(
        report("{\"name\": \"Анна\", \"birth_year\": " + (year - 4) + "}"), "birth_year", "");
    assertRefused(report("{\"name\": \"Анна\", \"birth_year\": 1900}"), "birth_year", "");
    assertRefused(
        report("{\"name\": \"Анна\", \"detained_at\": \"1900-01-01T12:00:00+03:00\"}"),
        "detained_at",
        "is before 1990-01-01");
    assertRefused(
        report("{\"name\": \"Анна\", \"detained_at\": \"2099-01-23T12:00:00+03:00\"}"),
        "detained_at",
        "is in the future");
    assertRefused(
        report(
            "{\"name\": \"Анна\", \"birth_year\": 2019, \"detained_at\": \"2021-01-23T12:00:00+03:00\"}"),
        "detained_at",
        "less than 5 years after birth_year");
    assertThat(count("reports")).isEqualTo(before);
    Response oldest =
        report(
            "{\"name\": \"Анна\", \"birth_year\": "
                + (year - 110)
                + ", \"detained_at\": \"1990-01-02T12:00:00+03:00\"}");
    assertThat(oldest.status()).as(oldest.toString()).isEqualTo(201);
    Response youngest = report("{\"name\": \"Анна\", \"birth_year\": " + (year - 5) + "}");
    assertThat(youngest.status()).as(youngest.toString()).isEqualTo(201);
  }

  @Test
  void a_status_time_before_1990_or_in_the_future_is_refused() {
    String report =
        report("{\"name\": \"Степан Огурцов\", \"detained_at\": \"2021-01-23T12:00:00+03:00\"}")
            .json()
            .get("id")
            .asText();
    String detention = null;
    for (JsonNode d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(report)) detention = d.get("id").asText();
    }
    assertThat(detention).isNotNull();
    for (String at : new String[] {"1900-01-01T10:00:00+03:00", "2099-01-01T10:00:00+03:00"}) {
      Response r =
          server.post(
              "/api/detentions/" + detention + "/status",
              "{\"status\": \"released\", \"source\": \"адвокат\", \"at\": \"" + at + "\"}",
              COORDINATOR);
      assertRefused(r, "at", "");
    }
  }

  @Test
  void data_after_the_json_document_is_refused() {
    int before = count("reports");
    for (String body :
        new String[] {
          "{\"name\": \"Анна\"} xyz",
          "{} {}",
          "{\"name\": \"Анна\"}\n{\"name\": \"Б\"}",
          "{\"name\": \"Анна\"} ]"
        }) {
      Response r = server.post("/api/reports", body, OPERATOR);
      assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.json().get("detail").asText()).contains("data after its JSON document");
    }
    assertThat(server.post("/api/reports", "{\"name\": \"Анна\"}\n  \n", OPERATOR).status())
        .as("white space after the document is fine")
        .isEqualTo(201);
    assertThat(count("reports")).isEqualTo(before + 1);
  }

  @Test
  void claim_urls_must_be_http_or_https_with_a_host() {
    String event = event("2021-01-23");
    int before = count("claims");
    for (String url :
        new String[] {
          "javascript:alert(8)",
          "JavaScript:alert(8)",
          "data:text/html,<script>alert(8)</script>",
          "//evil.example/x",
          "http:/x",
          "https://",
          "ftp://ovd.info/x",
          "https://ovd.info@evil.example/",
          "https://ovd info/x",
          "/relative/path",
          "https://ovd.info/" + "x".repeat(2000)
        }) {
      assertRefused(claim(event, url), "url", "");
    }
    assertThat(count("claims")).isEqualTo(before);
    for (String url :
        new String[] {
          "https://ovd.info/news/2021/01/23",
          "HTTP://Example.org:8080/a?b=c#d",
          "https://овд-инфо.рф/путь"
        }) {
      Response ok = claim(event, url);
      assertThat(ok.status()).as(url + " → " + ok).isEqualTo(201);
      assertThat(ok.json().get("url").asText()).isEqualTo(url);
    }
  }

  @Test
  void events_and_campaigns_in_year_1_or_2099_are_refused() {
    int events = count("events");
    int campaigns = count("campaigns");
    for (String day : new String[] {"0001-01-01", "1989-12-31", "2099-01-23"}) {
      assertRefused(
          server.post(
              "/api/events", "{\"held_on\": \"" + day + "\", \"city\": \"Москва\"}", COORDINATOR),
          "held_on",
          "");
      assertRefused(
          server.post(
              "/api/campaigns",
              "{\"title\": \"Акция\", \"starts_on\": \"" + day + "\"}",
              COORDINATOR),
          "starts_on",
          "");
    }
    assertRefused(
        server.post(
            "/api/campaigns",
            "{\"title\": \"Акция\", \"starts_on\": \"2021-01-23\", \"ends_on\": \"2099-01-01\"}",
            COORDINATOR),
        "ends_on",
        "more than a year ahead");
    String event = event("2021-01-23");
    assertRefused(
        server.patch("/api/events/" + event, "{\"held_on\": \"2099-01-23\"}", COORDINATOR),
        "held_on",
        "");
    assertThat(count("events")).isEqualTo(events + 1);
    assertThat(count("campaigns")).isEqualTo(campaigns);
    String planned = java.time.LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString();
    assertThat(event(planned)).as("an event planned three months ahead").isNotBlank();
  }

  @Test
  void texts_of_other_routes_are_checked_as_well() {
    String event = event("2021-01-23");
    assertRefused(
        server.patch("/api/events/" + event, "{\"venue\": \"Площадь\\u202e\"}", COORDINATOR),
        "venue",
        "bidirectional");
    assertRefused(
        server.post("/api/police-stations", "{\"name\": \"\\u200b\"}", COORDINATOR),
        "name",
        "invisible");
    assertRefused(
        server.post(
            "/api/police-stations",
            "{\"name\": \"ОВД\", \"variants\": [\"x\\u0000\"]}",
            COORDINATOR),
        "variants",
        "control");
    assertRefused(
        server.post("/api/updates", "{\"language\": \"ru\", \"text\": \"\\ud83d\"}", EDITOR),
        "text",
        "unpaired surrogate");
    Response multiline =
        server.post(
            "/api/updates", "{\"language\": \"ru\", \"text\": \"Строка 1\\nСтрока 2\"}", EDITOR);
    assertThat(multiline.status()).as(multiline.toString()).isEqualTo(201);
  }

  private Response report(String json) {
    return server.post("/api/reports", json, OPERATOR);
  }

  private Response claim(String event, String url) {
    return server.post(
        "/api/claims",
        """
        {"event": "%s", "subject": "crowd", "qualifier": "about", "value": 1000,
         "source": "ОВД-Инфо", "url": "%s"}"""
            .formatted(event, url),
        EDITOR);
  }

  private String event(String day) {
    Response r =
        server.post(
            "/api/events", "{\"held_on\": \"" + day + "\", \"city\": \"Москва\"}", COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static void assertRefused(Response r, String field, String reason) {
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = r.json().get("errors");
    boolean named = false;
    for (JsonNode e : errors) {
      named |= e.get("field").asText().equals(field) && e.get("reason").asText().contains(reason);
    }
    assertThat(named).as(field + " refused with '" + reason + "': " + r).isTrue();
  }

  private int count(String table) {
    return server
        .vigil()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }
}
