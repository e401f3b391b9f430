package org.vigil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;
import static org.vigil.security.Role.LAWYER;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/** The HTTP API's contract, run against a real server on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
  static final String REPORT =
      """
      {"name": "Иван Петров", "birth_year": 1990, "city": "Москва",
       "detained_at": "2021-01-23T14:05:00+03:00", "place": "Пушкинская площадь",
       "police_station": "ОВД Тверской", "source": "relative",
       "contact": "+7 900 000-00-00", "text": "free text from the caller", "consent": "none"}""";

  private Path dir;
  private TestDatabase db;
  TestVigil server;

  abstract TestDatabase.Kind kind();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("vigil-api");
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  @Test
  void health_names_the_database() {
    Response r = server.get("/api/health", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
    assertThat(r.json().get("database").asText()).isEqualTo(db.toString());
  }

  @Test
  void a_stored_report_reads_back_whole_for_a_coordinator() {
    Response created = server.post("/api/reports", REPORT, OPERATOR);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/reports/" + id);

    JsonNode report = server.get("/api/reports/" + id, COORDINATOR).json();
    assertThat(report.get("name").asText()).isEqualTo("Иван Петров");
    assertThat(report.get("birth_year").asInt()).isEqualTo(1990);
    assertThat(report.get("city").asText()).isEqualTo("Москва");
    assertThat(report.get("detained_at").asText()).isEqualTo("2021-01-23T14:05:00+03:00");
    assertThat(report.get("place").asText()).isEqualTo("Пушкинская площадь");
    assertThat(report.get("police_station").asText()).isEqualTo("ОВД Тверской");
    assertThat(report.get("source").asText()).isEqualTo("relative");
    assertThat(report.get("contact").asText()).isEqualTo("+7 900 000-00-00");
    assertThat(report.get("text").asText()).isEqualTo("free text from the caller");
    assertThat(report.get("consent").asText()).isEqualTo("none");
    assertThat(report.get("channel").asText()).isEqualTo("operator");
  }

  /** Issue 13: a campaign of thousands of events is read a page at a time, each event once. */
  @Test
  void events_are_paged_each_once_in_date_and_city_order() {
    String campaign =
        server
            .post(
                "/api/campaigns",
                "{\"title\": \"Paged\", \"starts_on\": \"2021-01-23\", \"ends_on\": \"2021-02-02\"}",
                COORDINATOR)
            .json()
            .get("id")
            .asText();
    List<String> cities = List.of("Омск", "Казань", "Пермь", "Якутск", "Тверь");
    List<String> created = new ArrayList<>();
    for (String day : List.of("2021-01-31", "2021-01-23", "2021-02-02")) {
      for (String city : cities) {
        Response event =
            server.post(
                "/api/events",
                "{\"campaign\": \"%s\", \"held_on\": \"%s\", \"city\": \"%s\"}"
                    .formatted(campaign, day, city),
                COORDINATOR);
        assertThat(event.status()).as(event.toString()).isEqualTo(201);
        created.add(event.json().get("id").asText());
      }
    }
    List<String> seen = new ArrayList<>();
    List<String> order = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page =
          server
              .get(
                  "/api/events?campaign=%s&limit=4%s"
                      .formatted(campaign, after == null ? "" : "&after=" + after),
                  null)
              .json();
      page.get("items")
          .forEach(
              e -> {
                seen.add(e.get("id").asText());
                order.add(e.get("held_on").asText() + " " + e.get("city").asText());
              });
      after = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (after != null && pages < 10);
    assertThat(seen).as("every event exactly once").hasSize(15).doesNotHaveDuplicates();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    assertThat(order).isSorted();
    assertThat(pages).isEqualTo(4);

    JsonNode kazan =
        server.get("/api/events?campaign=" + campaign + "&city=казань&limit=2", null).json();
    assertThat(kazan.get("items")).hasSize(2);
    assertThat(kazan.get("items").get(0).get("held_on").asText()).isEqualTo("2021-01-23");
    JsonNode rest =
        server
            .get(
                "/api/events?campaign=%s&city=казань&limit=2&after=%s"
                    .formatted(campaign, kazan.get("next").asText()),
                null)
            .json();
    assertThat(rest.get("items")).hasSize(1);
    assertThat(rest.get("items").get(0).get("held_on").asText()).isEqualTo("2021-02-02");
    assertThat(rest.get("next").isNull()).isTrue();
    JsonNode day = server.get("/api/events?campaign=" + campaign + "&on=2021-01-31", null).json();
    assertThat(day.get("items")).hasSize(5);
    day.get("items").forEach(e -> assertThat(e.get("held_on").asText()).isEqualTo("2021-01-31"));
    assertThat(server.get("/api/events?on=31.01.2021", null).status()).isEqualTo(422);
    assertThat(server.get("/api/events?after=no-such-event", null).status()).isEqualTo(422);
  }

  @Test
  void personal_data_needs_a_token_of_a_role_that_may_read_it() {
    String id = server.post("/api/reports", REPORT, OPERATOR).json().get("id").asText();
    Response anonymous = server.get("/api/reports/" + id, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    assertThat(server.get("/api/reports/" + id, OPERATOR).status()).isEqualTo(403);
    assertThat(server.get("/api/reports/" + id, EDITOR).status()).isEqualTo(403);
    assertThat(server.get("/api/detentions", LAWYER).status()).isEqualTo(403);
    assertThat(server.get("/api/reports/" + id, ADMIN).status()).isEqualTo(200);
    Response forged =
        server.send(
            server
                .request("/api/reports/" + id, null)
                .header("Authorization", "Bearer vgl_forged")
                .build());
    assertThat(forged.status()).isEqualTo(401);
    assertThat(server.post("/api/reports", REPORT, null).status()).isEqualTo(401);
  }

  @Test
  void malformed_json_is_refused_with_its_position() {
    Response r = server.post("/api/reports", "{\"name\": \"Иван\",\n \"city\": }", OPERATOR);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).contains("line 2");
    assertThat(server.post("/api/reports", "[1, 2]", OPERATOR).status()).isEqualTo(400);
    assertThat(server.post("/api/reports", "", OPERATOR).status()).isEqualTo(400);
    assertThat(server.post("/api/reports", "{\"name\": \"a\", \"name\": \"b\"}", OPERATOR).status())
        .isEqualTo(400);
  }

  @Test
  void a_body_that_is_not_json_gets_415() {
    Response r =
        server.send(
            server
                .request("/api/reports", OPERATOR)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(REPORT))
                .build());
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
  }

  @Test
  void an_oversized_body_gets_413() {
    String huge = "{\"text\": \"" + "x".repeat(70_000) + "\"}";
    Response r = server.post("/api/public/reports", huge, null);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void every_invalid_field_is_named_with_its_reason() {
    Response r =
        server.post(
            "/api/reports",
            """
            {"name": 5, "birth_year": 1850, "detained_at": "23.01.2021 14:05",
             "consent": "maybe", "source": "neighbour", "birthyear": 1990}""",
            OPERATOR);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "name", "birth_year", "detained_at", "consent", "source", "birthyear");
    assertThat(r.body()).contains("must be one of none|initials|full").contains("unknown field");
  }

  @Test
  void a_report_must_say_who_or_what() {
    Response r = server.post("/api/reports", "{\"city\": \"Москва\"}", OPERATOR);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
  }

  @Test
  void bad_input_never_changes_stored_data() {
    int before = countReports();
    server.post("/api/reports", "{\"name\": \"Анна\", \"birth_year\": \"old\"}", OPERATOR);
    server.post("/api/reports", "{\"name\": \"Анна\", \"campaign\": \"nope\"}", OPERATOR);
    server.post("/api/reports", "{\"name\": \"Анна\", \"corrects\": \"nope\"}", OPERATOR);
    server.post("/api/reports", "{\"name\": ", OPERATOR);
    server.post("/api/campaigns", "{\"title\": \"x\"}", COORDINATOR);
    assertThat(countReports()).isEqualTo(before);
  }

  @Test
  void a_retried_submission_returns_the_same_id_and_stores_once() throws Exception {
    String key = UUID.randomUUID().toString();
    int before = countReports();
    Response first = server.post("/api/public/reports", REPORT, null, "Idempotency-Key", key);
    Response retry = server.post("/api/public/reports", REPORT, null, "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(countReports()).isEqualTo(before + 1);

    Response reused =
        server.post(
            "/api/public/reports", "{\"name\": \"Другой Человек\"}", null, "Idempotency-Key", key);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(countReports()).isEqualTo(before + 1);
  }

  @Test
  void concurrent_retries_with_one_key_store_one_report() throws Exception {
    String key = UUID.randomUUID().toString();
    int before = countReports();
    Set<String> ids = new HashSet<>();
    try (var pool = Executors.newFixedThreadPool(16)) {
      List<Future<Response>> responses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        responses.add(
            pool.submit(
                () -> server.post("/api/reports", REPORT, OPERATOR, "Idempotency-Key", key)));
      }
      for (Future<Response> f : responses) {
        assertThat(f.get().status()).isEqualTo(201);
        ids.add(f.get().json().get("id").asText());
      }
    }
    assertThat(ids).hasSize(1);
    assertThat(countReports()).isEqualTo(before + 1);
  }

  @Test
  void keys_are_per_submitter_so_one_cannot_read_another_ones_id() {
    String key = UUID.randomUUID().toString();
    String byOperator =
        server
            .post("/api/reports", REPORT, OPERATOR, "Idempotency-Key", key)
            .json()
            .get("id")
            .asText();
    String byPublic =
        server
            .post("/api/public/reports", REPORT, null, "Idempotency-Key", key)
            .json()
            .get("id")
            .asText();
    assertThat(byPublic).isNotEqualTo(byOperator);
  }

  @Test
  void a_report_lands_on_its_event_and_opens_a_case_with_a_timeline() {
    String campaign =
        server
            .post(
                "/api/campaigns",
                "{\"title\": \"23 января\", \"starts_on\": \"2021-01-23\"}",
                COORDINATOR)
            .json()
            .get("id")
            .asText();
    String event =
        server
            .post(
                "/api/events",
                "{\"campaign\": \""
                    + campaign
                    + "\", \"held_on\": \"2021-01-23\", \"city\": \"Москва\","
                    + " \"venue\": \"Пушкинская площадь\", \"authorised\": false}",
                COORDINATOR)
            .json()
            .get("id")
            .asText();
    String report =
        server
            .post(
                "/api/reports",
                REPORT.replace("\"consent\"", "\"campaign\": \"" + campaign + "\", \"consent\""),
                OPERATOR)
            .json()
            .get("id")
            .asText();
    assertThat(server.get("/api/reports/" + report, COORDINATOR).json().get("event").asText())
        .isEqualTo(event);

    JsonNode detentions = server.get("/api/detentions?event=" + event, COORDINATOR).json();
    assertThat(detentions.get("items")).hasSize(1);
    JsonNode detention = detentions.get("items").get(0);
    assertThat(detention.get("person").get("name").asText()).isEqualTo("Иван Петров");
    assertThat(detention.get("status").asText()).isEqualTo("detained");
    String id = detention.get("id").asText();

    Response court =
        server.post(
            "/api/detentions/" + id + "/status",
            "{\"status\": \"administrative_arrest\", \"at\": \"2021-01-25T10:00:00+03:00\","
                + " \"source\": \"Тверской районный суд\", \"article\": \"20.2\", \"arrest_days\": 10}",
            LAWYER);
    assertThat(court.status()).as(court.toString()).isEqualTo(201);
    Response station =
        server.post(
            "/api/detentions/" + id + "/status",
            "{\"status\": \"at_police_station\", \"at\": \"2021-01-23T15:00:00+03:00\", \"source\": \"lawyer\"}",
            COORDINATOR);
    assertThat(station.status()).isEqualTo(201);

    JsonNode after = server.get("/api/detentions/" + id, COORDINATOR).json();
    assertThat(after.get("status").asText()).isEqualTo("administrative_arrest");
    List<String> timeline = new ArrayList<>();
    after.get("timeline").forEach(t -> timeline.add(t.get("status").asText()));
    assertThat(timeline).containsExactly("detained", "at_police_station", "administrative_arrest");
    assertThat(after.get("timeline").get(2).get("arrest_days").asInt()).isEqualTo(10);

    Response wrong =
        server.post(
            "/api/detentions/" + id + "/status",
            "{\"status\": \"fined\", \"source\": \"court\", \"arrest_days\": 3}",
            COORDINATOR);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(
            server
                .post(
                    "/api/detentions/" + id + "/status",
                    "{\"status\": \"fined\", \"source\": \"x\"}",
                    OPERATOR)
                .status())
        .isEqualTo(403);
    assertThat(server.get("/api/detentions/" + id, COORDINATOR).json().get("timeline")).hasSize(3);
  }

  @Test
  void a_correction_is_a_new_report_that_refers_to_the_first() {
    String first = server.post("/api/reports", REPORT, OPERATOR).json().get("id").asText();
    Response correction =
        server.post(
            "/api/reports",
            "{\"corrects\": \""
                + first
                + "\", \"name\": \"Иван Петрович Петров\", \"text\": \"отчество уточнено\"}",
            OPERATOR);
    assertThat(correction.status()).isEqualTo(201);
    JsonNode original = server.get("/api/reports/" + first, COORDINATOR).json();
    assertThat(original.get("name").asText()).isEqualTo("Иван Петров");
    assertThat(original.get("corrected_by").get(0).asText())
        .isEqualTo(correction.json().get("id").asText());
  }

  @Test
  void reports_page_by_cursor_without_gaps_or_repeats() {
    String campaign =
        server
            .post(
                "/api/campaigns",
                "{\"title\": \"paging\", \"starts_on\": \"2021-01-31\"}",
                COORDINATOR)
            .json()
            .get("id")
            .asText();
    Set<String> submitted = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      submitted.add(
          server
              .post(
                  "/api/reports",
                  "{\"name\": \"Человек " + i + "\", \"campaign\": \"" + campaign + "\"}",
                  OPERATOR)
              .json()
              .get("id")
              .asText());
    }
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String path =
          "/api/reports?limit=3&campaign=" + campaign + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = server.get(path, COORDINATOR).json();
      page.get("items").forEach(r -> assertThat(seen.add(r.get("id").asText())).isTrue());
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (cursor != null);
    assertThat(seen).isEqualTo(submitted);
    assertThat(pages).isEqualTo(3);
    assertThat(
            server.get("/api/reports?since=2999-01-01T00:00:00Z", COORDINATOR).json().get("items"))
        .isEmpty();
    assertThat(server.get("/api/reports?since=yesterday", COORDINATOR).status()).isEqualTo(422);
    assertThat(server.get("/api/reports?limit=0", COORDINATOR).status()).isEqualTo(422);
    assertThat(server.get("/api/reports?cursor=bogus", COORDINATOR).status()).isEqualTo(422);
  }

  @Test
  void campaigns_events_claims_and_stations_are_kept_by_coordinators_and_read_by_all() {
    assertThat(
            server
                .post(
                    "/api/campaigns", "{\"title\": \"x\", \"starts_on\": \"2021-01-23\"}", OPERATOR)
                .status())
        .isEqualTo(403);
    JsonNode campaign =
        server
            .post(
                "/api/campaigns",
                "{\"title\": \"31 января\", \"starts_on\": \"2021-01-31\"}",
                COORDINATOR)
            .json();
    String id = campaign.get("id").asText();
    Response renamed =
        server.patch(
            "/api/campaigns/" + id,
            "{\"title\": \"31 января 2021\", \"ends_on\": \"2021-02-01\"}",
            COORDINATOR);
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().get("title").asText()).isEqualTo("31 января 2021");
    assertThat(renamed.json().get("starts_on").asText()).isEqualTo("2021-01-31");
    Response invalid =
        server.patch("/api/campaigns/" + id, "{\"ends_on\": \"2021-01-01\"}", COORDINATOR);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(server.get("/api/campaigns/" + id, null).json().get("ends_on").asText())
        .isEqualTo("2021-02-01");

    String event =
        server
            .post(
                "/api/events",
                "{\"campaign\": \""
                    + id
                    + "\", \"held_on\": \"2021-01-31\", \"city\": \"Якутск\", \"temperature_c\": -50}",
                COORDINATOR)
            .json()
            .get("id")
            .asText();
    Response claim =
        server.post(
            "/api/claims",
            "{\"event\": \""
                + event
                + "\", \"subject\": \"crowd\", \"qualifier\": \"about\", \"value\": 15000,"
                + " \"source\": \"Al Jazeera\", \"quote\": \"an estimated 15,000 demonstrators\"}",
            EDITOR);
    assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
    JsonNode shown = server.get("/api/events/" + event, null).json();
    assertThat(shown.get("event").get("temperature_c").asDouble()).isEqualTo(-50.0);
    assertThat(shown.get("claims").get(0).get("value").asLong()).isEqualTo(15000);
    assertThat(server.get("/api/events?campaign=" + id + "&city=якутск", null).json().get("items"))
        .hasSize(1);
    assertThat(
            server
                .patch("/api/events/" + event, "{\"venue\": \"Площадь Ленина\"}", COORDINATOR)
                .json()
                .get("venue")
                .asText())
        .isEqualTo("Площадь Ленина");

    JsonNode station =
        server
            .post(
                "/api/police-stations",
                "{\"name\": \"ОВД Пресненский\", \"city\": \"Москва\", \"latitude\": 55.76, \"longitude\": 37.56,"
                    + " \"variants\": [\"ОВД Пресненсикй\", \"ОВД  Пресненское\"]}",
                COORDINATOR)
            .json();
    String stationId = station.get("id").asText();
    assertThat(
            server.get("/api/police-stations/" + stationId, null).json().get("latitude").asDouble())
        .isEqualTo(55.76);
    assertThat(
            server
                .post(
                    "/api/police-stations", "{\"name\": \"ОВД\", \"latitude\": 55.7}", COORDINATOR)
                .status())
        .isEqualTo(422);
    String report =
        server
            .post(
                "/api/reports",
                "{\"name\": \"Пётр Сидоров\", \"police_station\": \"овд пресненское\"}",
                OPERATOR)
            .json()
            .get("id")
            .asText();
    JsonNode detentions = server.get("/api/detentions?limit=1000", COORDINATOR).json();
    boolean linked = false;
    for (JsonNode d : detentions.get("items")) {
      if (d.get("report_id").asText().equals(report))
        linked = stationId.equals(d.get("police_station_id").asText());
    }
    assertThat(linked).as("report naming a variant is linked to the station").isTrue();
  }

  @Test
  void public_reads_are_stored_bytes_with_their_etag_and_gzipped_once() throws Exception {
    String id =
        server
            .post(
                "/api/campaigns",
                "{\"title\": \"21 апреля\", \"starts_on\": \"2021-04-21\"}",
                COORDINATOR)
            .json()
            .get("id")
            .asText();
    String path = "/api/public/tally?by=city&campaign=" + id;
    Response tally = server.get(path, null);
    assertThat(tally.status()).as(tally.toString()).isEqualTo(200);
    assertThat(tally.header("Content-Type")).isEqualTo("application/json");
    assertThat(tally.header("Cache-Control")).isEqualTo("public, max-age=5");
    assertThat(tally.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tally.header("Content-Length"))
        .isEqualTo(Integer.toString(tally.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(tally.json().get("campaign").get("id").asText()).isEqualTo(id);
    String etag = tally.header("ETag");
    assertThat(etag).isNotBlank();
    Response again =
        server.send(server.request(path, null).header("If-None-Match", etag).GET().build());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.header("ETag")).isEqualTo(etag);

    HttpResponse<byte[]> page =
        HttpClient.newHttpClient()
            .send(
                server.request("/en/", null).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(page.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(page.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(page.body().length));
    try (var html = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
      assertThat(new String(html.readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("<!doctype html>");
    }
    Response plain = server.get("/en/", null);
    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(plain.body()).startsWith("<!doctype html>");
  }

  @Test
  void unknown_routes_and_methods_are_problems_too() {
    Response missing = server.get("/api/nothing-here", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(server.get("/api/reports/does-not-exist", COORDINATOR).json().get("detail").asText())
        .contains("does-not-exist");
    Response method = server.send(server.request("/api/health", null).DELETE().build());
    assertThat(method.status()).isEqualTo(405);
  }

  int countReports() {
    return server
        .vigil()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
  }
}
