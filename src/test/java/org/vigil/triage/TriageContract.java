package org.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;
import static org.vigil.testing.PublicFixture.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.security.Role;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.QueryPlan;
import org.vigil.testing.SseStream;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The coordinator's triage and review over HTTP (issue #13, point 3): new unconfirmed reports
 * newest first, a new one arriving over the staff stream, a confirmation moving the public count,
 * and two coordinators deciding one item at the same moment: one wins, the other is told "already
 * decided by …", never a silent overwrite. Also what the databases plan for the two lists.
 */
abstract class TriageContract {
  private static final String PASSWORD = "long evening train to Tver 17";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;
  private PublicFixture f;
  private String campaign;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void start() {
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    f = new PublicFixture(server);
    campaign = f.campaign("23 января 2021", "2021-01-23");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    db.close();
  }

  @Test
  void new_unconfirmed_reports_newest_first_paged_for_coordinators_only() {
    String first = report(OPERATOR, "Инна Первова", "Москва");
    String second = report(OPERATOR, "Олег Второв", "Казань");
    report(COORDINATOR, "Ирина Подтверждённая", "Москва"); // typed by a coordinator: confirmed
    String third = publicReport("Семён Третьяков", "Санкт-Петербург");

    Response page = server.get("/api/triage?limit=2", COORDINATOR);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    JsonNode items = page.json().get("items");
    assertThat(reports(items)).containsExactly(third, second);
    JsonNode newest = items.get(0);
    assertThat(newest.get("name").asText()).isEqualTo("Семён Третьяков");
    assertThat(newest.get("city").asText()).isEqualTo("Санкт-Петербург");
    assertThat(newest.get("channel").asText()).isEqualTo("public");
    assertThat(newest.get("source").asText()).isEqualTo("relative");
    assertThat(newest.get("excerpt").asText()).startsWith("Задержали у метро");
    assertThat(items.get(1).get("channel").asText()).isEqualTo("operator");
    String next = page.json().get("next").asText();
    JsonNode rest = server.get("/api/triage?limit=2&before=" + next, COORDINATOR).json();
    assertThat(reports(rest.get("items"))).containsExactly(first);
    assertThat(rest.get("next").isNull()).isTrue();

    assertThat(server.get("/api/triage", OPERATOR).status()).isEqualTo(403);
    assertThat(server.get("/api/triage", null).status()).isEqualTo(401);
    assertThat(server.get("/api/triage?limit=0", COORDINATOR).status()).isEqualTo(422);
  }

  @Test
  void a_new_report_and_a_decision_arrive_over_the_staff_stream() throws Exception {
    String url = server.base() + "/api/triage/live";
    String seen;
    try (SseStream refused = SseStream.open(url, null);
        SseStream stream =
            SseStream.open(url, null, "Authorization", "Bearer " + server.token(COORDINATOR))) {
      assertThat(refused.next(WAIT)).as("no event for a reader without a token").isNull();
      assertThat(stream.next("ready", WAIT)).isNotNull();
      String report = publicReport("Глеб Потоков", "Москва");
      SseStream.Event event = stream.next("report", WAIT);
      assertThat(event).as("a report event within 10 s").isNotNull();
      JsonNode row = JSON.readTree(event.data());
      assertThat(row.get("report_id").asText()).isEqualTo(report);
      assertThat(row.get("name").asText()).isEqualTo("Глеб Потоков");
      assertThat(event.id()).isEqualTo(row.get("id").asText());
      seen = event.id();

      Response confirmed = confirm(row.get("id").asText(), server.token(COORDINATOR));
      assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
      JsonNode decided = JSON.readTree(stream.next("decided", WAIT).data());
      assertThat(decided.get("id").asText()).isEqualTo(row.get("id").asText());
      assertThat(decided.get("kind").asText()).isEqualTo("confirm");
      assertThat(decided.get("decided_by").asText()).isEqualTo("test-coordinator");
    }
    // A reader who reconnects with the last id it saw is sent what came after it.
    String missed = publicReport("Вера Пропущенная", "Москва");
    try (SseStream again =
        SseStream.open(url, seen, "Authorization", "Bearer " + server.token(COORDINATOR))) {
      SseStream.Event event = again.next("report", WAIT);
      assertThat(event).isNotNull();
      assertThat(JSON.readTree(event.data()).get("report_id").asText()).isEqualTo(missed);
    }
  }

  @Test
  void a_confirmation_from_the_triage_page_moves_the_public_count() {
    String report = report(OPERATOR, "Тимур Проверенный", "Москва");
    long before = confirmedCount();
    ConsoleUser anna = coordinator("anna", "Анна");
    String detention = detentionOf(report);
    assertThat(anna.get("/console/triage").body()).contains("Тимур Проверенный");

    Response done =
        anna.post(
            "/console/triage/" + detention + "/confirm",
            ConsoleUser.form("_csrf", anna.csrf()),
            "same-origin");
    assertThat(done.status()).as(done.toString()).isEqualTo(303);
    assertThat(done.header("Location")).startsWith("/console/triage?confirmed=");
    eventually(this::confirmedCount, n -> n == before + 1);
    assertThat(confirmedCount()).isEqualTo(before + 1);
    assertThat(anna.get("/console/triage").body()).doesNotContain("Тимур Проверенный");

    // A second coordinator on a stale page: told who was first, and nothing changes.
    ConsoleUser boris = coordinator("boris", null);
    Response late =
        boris.post(
            "/console/triage/" + detention + "/reject",
            ConsoleUser.form("_csrf", boris.csrf(), "as", "spam", "reason", "не дозвонились"),
            "same-origin");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body()).contains("Already decided by Анна at");
    assertThat(server.get("/api/reports/" + report, COORDINATOR).json().get("rejection").isNull())
        .isTrue();
    Response again =
        boris.post(
            "/console/triage/" + detention + "/confirm",
            ConsoleUser.form("_csrf", boris.csrf()),
            "same-origin");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("id=\"conflict\"", "Already decided by Анна");
    Response invalid =
        boris.post(
            "/console/triage/" + detention + "/reject",
            ConsoleUser.form("_csrf", boris.csrf(), "as", "nonsense", "reason", ""),
            "same-origin");
    assertThat(invalid.status()).isEqualTo(422);
  }

  @Test
  void two_coordinators_confirming_at_once_one_wins_the_other_is_told() throws Exception {
    for (int round = 0; round < 3; round++) {
      String detention = detentionOf(report(OPERATOR, "Пётр Двойной " + round, "Москва"));
      List<Response> answers = race(token -> confirm(detention, token));
      assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
      assertThat(conflict(answers).json().get("detail").asText())
          .startsWith("already decided by ")
          .contains("the detention was confirmed");
      JsonNode decisions =
          server.get("/api/detentions/" + detention + "/decisions", COORDINATOR).json();
      assertThat(decisions.get("items")).as("one confirmation on record").hasSize(1);
    }
  }

  @Test
  void two_coordinators_rejecting_at_once_one_wins_the_other_is_told() throws Exception {
    for (int round = 0; round < 3; round++) {
      String report = report(OPERATOR, "Фёдор Выдумкин " + round, "Москва");
      List<Response> answers =
          race(
              token ->
                  post(
                      "/api/reports/" + report + "/reject",
                      "{\"as\": \"spam\", \"reason\": \"розыгрыш\"}",
                      token));
      assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
      assertThat(conflict(answers).json().get("detail").asText())
          .startsWith("already decided by ")
          .contains("rejected already");
    }
    // Confirming a rejected report is refused too, saying who rejected it.
    String report = report(OPERATOR, "Зоя Отклонённая", "Москва");
    String detention = detentionOf(report);
    post(
        "/api/reports/" + report + "/reject",
        "{\"as\": \"duplicate\", \"reason\": \"x\"}",
        server.token(COORDINATOR));
    Response confirm = confirm(detention, server.token(COORDINATOR));
    assertThat(confirm.status()).isEqualTo(409);
    assertThat(confirm.json().get("detail").asText())
        .startsWith("already decided by test-coordinator at ");
  }

  @Test
  void two_coordinators_deciding_one_review_item_one_wins_the_other_is_told() throws Exception {
    {
      String known = report(OPERATOR, "Пётр Сидоров", "Казань", 1990);
      String knownPerson = personOf(known);
      String doubtful =
          server
              .post(
                  "/api/reports",
                  "{\"name\": \"Петр Сидоров\", \"birth_year\": 1991, \"campaign\": \""
                      + campaign
                      + "\"}",
                  OPERATOR)
              .json()
              .get("id")
              .asText();
      JsonNode item = reviewItem(doubtful);
      String replaces = item.get("decision").asText();
      assertThat(item.get("spellings").toString()).contains("Петр Сидоров", "Petr Sidorov");
      JsonNode candidate = item.get("candidates").get(0);
      assertThat(candidate.get("person").get("id").asText()).isEqualTo(knownPerson);
      assertThat(candidate.get("reports").get(0).get("city").asText()).isEqualTo("Казань");

      List<Response> answers =
          race(
              token ->
                  post(
                      "/api/reports/" + doubtful + "/person",
                      "{\"person\": \"" + knownPerson + "\", \"replaces\": \"" + replaces + "\"}",
                      token));
      assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
      assertThat(conflict(answers).json().get("detail").asText()).startsWith("already decided by ");
      JsonNode history =
          server.get("/api/reports/" + doubtful + "/decisions", COORDINATOR).json().get("items");
      assertThat(history)
          .extracting(d -> d.get("kind").asText())
          .containsExactly("NEEDS_REVIEW", "REVIEWED");
      assertThat(history.get(1).get("replaces").asText()).isEqualTo(replaces);

      // A decision naming a replaced decision is refused as well, even alone.
      Response stale =
          server.post(
              "/api/reports/" + doubtful + "/person",
              "{\"person\": null, \"replaces\": \"" + replaces + "\"}",
              COORDINATOR);
      assertThat(stale.status()).isEqualTo(409);
      assertThat(personOf(doubtful)).isEqualTo(knownPerson);
    }
  }

  @Test
  void the_triage_list_reads_its_partial_index_not_the_reports() {
    java.util.Map<String, Object> binds = new java.util.HashMap<>();
    binds.put("before", null);
    binds.put("limit", 50);
    String plan = QueryPlan.of(server.vigil().database(), Triage.NEWEST, binds);
    System.out.println(kind() + " triage plan:\n" + plan);
    assertThat(plan).contains("detentions_untriaged");
    assertThat(plan)
        .doesNotContainPattern("(?i)SCAN (r|reports)\\b|Seq Scan on reports|TEMP B-TREE");
  }

  private List<Response> race(Function<String, Response> decision) throws Exception {
    List<String> tokens = List.of(server.token(COORDINATOR), secondCoordinatorToken());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (String token : tokens) {
        Callable<Response> call =
            () -> {
              go.await();
              return decision.apply(token);
            };
        futures.add(pool.submit(call));
      }
      go.countDown();
      List<Response> answers = new ArrayList<>();
      for (Future<Response> future : futures) answers.add(future.get());
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private String secondToken;

  private String secondCoordinatorToken() {
    if (secondToken == null) {
      server.vigil().accounts().addUser("vera", Role.COORDINATOR);
      secondToken = server.vigil().accounts().createToken("vera");
    }
    return secondToken;
  }

  private static Response conflict(List<Response> answers) {
    return answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
  }

  private Response confirm(String detention, String token) {
    return post("/api/detentions/" + detention + "/confirm", "{}", token);
  }

  private Response post(String path, String json, String token) {
    return server.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private ConsoleUser coordinator(String name, String displayName) {
    String token =
        server.vigil().invitations().invite(name, Role.COORDINATOR, displayName, null).token();
    ConsoleUser user = new ConsoleUser(server).header("Accept-Language", "en");
    assertThat(user.accept(token, PASSWORD, Clock.systemUTC()).status()).isEqualTo(303);
    return user;
  }

  private JsonNode reviewItem(String report) {
    for (JsonNode item : server.get("/api/review?order=newest", COORDINATOR).json().get("items")) {
      if (item.get("report_id").asText().equals(report)) return item;
    }
    throw new AssertionError("report " + report + " is not in review");
  }

  private long confirmedCount() {
    return server
        .get("/api/public/tally?campaign=" + campaign + "&by=city", null)
        .json()
        .get("total")
        .get("confirmed")
        .asLong();
  }

  private String detentionOf(String report) {
    for (JsonNode d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(report)) return d.get("id").asText();
    }
    throw new AssertionError("no detention of report " + report);
  }

  private String personOf(String report) {
    for (JsonNode d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(report)) return d.get("person").get("id").asText();
    }
    throw new AssertionError("no detention of report " + report);
  }

  private static List<String> reports(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("report_id").asText()));
    return ids;
  }

  private String report(Role role, String name, String city) {
    return report(role, name, city, null);
  }

  private String report(Role role, String name, String city, Integer birthYear) {
    Response r =
        server.post(
            "/api/reports",
            """
            {"campaign": "%s", "name": "%s", "city": "%s", "detained_at": "2021-01-23T14:05:00+03:00",
             "police_station": "ОВД Тверской", "source": "witness", "consent": "none"%s}"""
                .formatted(
                    campaign,
                    name,
                    city,
                    birthYear == null ? "" : ", \"birth_year\": " + birthYear),
            role);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private String publicReport(String name, String city) {
    Response r =
        server.post(
            "/api/public/reports",
            """
            {"campaign": "%s", "name": "%s", "city": "%s", "detained_at": "2021-01-23T15:00:00+03:00",
             "source": "relative", "consent": "none",
             "text": "Задержали у метро, увезли в автозаке; телефон не отвечает."}"""
                .formatted(campaign, name, city),
            null);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }
}
