package org.vigil.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.LAWYER;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.security.Role;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The operator's fast entry (issue #13, point 2) over HTTP: cities and stations completed in
 * Cyrillic and Latin, "seen today" without anyone's personal data for an operator and within a
 * budget, each user's own reports of the shift, and a retried save stored once.
 */
abstract class EntryContract {
  private static final String PASSWORD = "quiet harbour lights at dawn 42";
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void start() {
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    db.close();
  }

  @Test
  void cities_are_suggested_from_the_gazetteer_in_cyrillic_and_latin() {
    assertThat(firstPlace("Моск")).isEqualTo("Москва");
    assertThat(firstPlace("mosk")).isEqualTo("Москва");
    assertThat(firstPlace("Санкт-Пет")).isEqualTo("Санкт-Петербург");
    assertThat(firstPlace("Nizhny Nov")).isEqualTo("Нижний Новгород");
    assertThat(firstPlace("Якут")).isEqualTo("Якутск");
    JsonNode items = places("Мос").get("items");
    assertThat(items.size()).isBetween(2, EntryRoutes.SUGGESTIONS);
    // a name several places share is offered with its region, so that it resolves to the one chosen
    JsonNode kirovsk = places("Кировск").get("items");
    assertThat(kirovsk.findValuesAsText("value"))
        .contains("Кировск, Мурманская область")
        .doesNotContain("Кировск");

    assertThat(server.get("/api/places/suggest?q=", OPERATOR).status()).isEqualTo(422);
    Response long_ = server.get("/api/places/suggest?q=" + "а".repeat(101), OPERATOR);
    assertThat(long_.status()).isEqualTo(422);
    assertThat(long_.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
    assertThat(server.get("/api/places/suggest?q=" + enc("Моск"), null).status()).isEqualTo(401);
  }

  @Test
  void police_stations_are_suggested_in_cyrillic_and_latin_those_of_the_city_first() {
    station("ОВД Тверской", "Санкт-Петербург");
    station("ОВД Тверской", "Москва");
    station("ОВД Хамовники", "Москва");
    station("ОП № 5", "Санкт-Петербург");

    JsonNode moscow = stations("Тверс", "Москва");
    assertThat(moscow.size()).isEqualTo(2);
    assertThat(moscow.get(0).get("city").asText()).isEqualTo("Москва");
    JsonNode latin = stations("tverskoy", "Moscow");
    assertThat(latin.size()).isEqualTo(2);
    assertThat(latin.get(0).get("city").asText()).isEqualTo("Москва");
    assertThat(stations("Khamovn", "").get(0).get("name").asText()).isEqualTo("ОВД Хамовники");
    assertThat(stations("5", "Санкт-Петербург").get(0).get("name").asText()).isEqualTo("ОП № 5");
    assertThat(stations("Ясенево", "Москва").size()).isZero();
    assertThat(server.get("/api/police-stations/suggest?city=Moscow", OPERATOR).status())
        .isEqualTo(422);
  }

  @Test
  void seen_today_tells_an_operator_yes_or_no_and_nothing_of_the_person() {
    Response stored =
        server.post(
            "/api/reports",
            report("Фёдор Тестовиков", 1991, "Москва", "+7 900 000-11-22"),
            COORDINATOR);
    assertThat(stored.status()).isEqualTo(201);

    Response yes =
        server.post(
            "/api/seen-today", "{\"name\": \"Федор Тестовиков\", \"city\": \"Москва\"}", OPERATOR);
    assertThat(yes.status()).as(yes.toString()).isEqualTo(200);
    assertThat(yes.json().get("seen").asBoolean()).isTrue();
    assertThat(yes.json().get("reports").asInt()).isEqualTo(1);
    assertThat(yes.json().get("confirmed").asBoolean()).isTrue(); // a coordinator typed it
    // nothing of the person: not the name as stored, not the year, not the caller's contact
    assertThat(yes.body())
        .doesNotContain("Фёдор", "Тестовиков", "1991", "900", stored.json().get("id").asText());
    List<String> fields = new ArrayList<>();
    yes.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsOnly("seen", "reports", "confirmed", "persons");
    assertThat(yes.json().get("persons").isNull()).isTrue();

    // across scripts, as linkage matches
    Response latin =
        server.post(
            "/api/seen-today", "{\"name\": \"Fedor Testovikov\", \"birth_year\": 1991}", OPERATOR);
    assertThat(latin.json().get("seen").asBoolean()).as(latin.toString()).isTrue();

    Response no =
        server.post(
            "/api/seen-today", "{\"name\": \"Аркадий Нетов\", \"city\": \"Москва\"}", OPERATOR);
    assertThat(no.json().get("seen").asBoolean()).isFalse();
    assertThat(no.json().get("reports").asInt()).isZero();

    // a coordinator may read personal data, and is told who
    Response who = server.post("/api/seen-today", "{\"name\": \"Федор Тестовиков\"}", COORDINATOR);
    JsonNode person = who.json().get("persons").get(0);
    assertThat(person.get("name").asText()).isEqualTo("Фёдор Тестовиков");
    assertThat(person.get("birth_year").asInt()).isEqualTo(1991);

    // bad questions are named; a lawyer may not ask
    Response short_ = server.post("/api/seen-today", "{\"name\": \"Ян\"}", OPERATOR);
    assertThat(short_.status()).isEqualTo(422);
    assertThat(short_.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    assertThat(server.post("/api/seen-today", "{\"name\": \"Федор Тестовиков\"}", LAWYER).status())
        .isEqualTo(403);
  }

  @Test
  void seen_today_is_refused_beyond_the_burst_with_429() {
    for (int i = 0; i < QuestionBudget.BURST; i++) {
      Response r =
          server.post("/api/seen-today", "{\"name\": \"Пробный Вопросов " + i + "\"}", OPERATOR);
      assertThat(r.status()).as("question %d: %s", i, r).isEqualTo(200);
    }
    Response refused = server.post("/api/seen-today", "{\"name\": \"Ещё Вопросов\"}", OPERATOR);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    // the budget is the user's own: another user still asks
    assertThat(server.post("/api/seen-today", "{\"name\": \"Ещё Вопросов\"}", COORDINATOR).status())
        .isEqualTo(200);
  }

  @Test
  void my_reports_are_only_mine_and_a_retried_save_is_stored_once() {
    ConsoleUser anna = operator("anna");
    ConsoleUser boris = operator("boris");
    String key = UUID.randomUUID().toString();
    String body = report("Глеб Первов", 1990, "Москва", "мама, +7 900 000-00-01");
    Response first = save(anna, body, key);
    Response again = save(anna, body, key);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(
            save(anna, report("Дина Вторая", null, "Казань", null), UUID.randomUUID().toString())
                .status())
        .isEqualTo(201);
    assertThat(
            save(boris, report("Ева Чужая", 1985, "Москва", null), UUID.randomUUID().toString())
                .status())
        .isEqualTo(201);

    JsonNode annas = anna.get("/api/reports/mine").json().get("items");
    assertThat(annas.findValuesAsText("name")).containsExactly("Дина Вторая", "Глеб Первов");
    assertThat(annas.get(1).get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(annas.get(1).get("birth_year").asInt()).isEqualTo(1990);
    assertThat(annas.toString()).doesNotContain("Чужая", "+7 900");
    JsonNode boriss = boris.get("/api/reports/mine").json().get("items");
    assertThat(boriss.findValuesAsText("name")).containsExactly("Ева Чужая");

    assertThat(server.get("/api/reports/mine", LAWYER).status()).isEqualTo(403);
    assertThat(server.get("/api/reports/mine", OPERATOR).json().get("items").size()).isZero();
  }

  private ConsoleUser operator(String name) {
    String token = server.vigil().invitations().invite(name, Role.OPERATOR, null, null).token();
    ConsoleUser user = new ConsoleUser(server);
    assertThat(user.accept(token, PASSWORD, Clock.systemUTC()).status()).isEqualTo(303);
    return user;
  }

  /** A save as the console's script sends it: cookie, CSRF token, Idempotency-Key. */
  private static Response save(ConsoleUser user, String body, String key) {
    return user.postJson("/api/reports", body, "X-CSRF-Token", user.csrf(), "Idempotency-Key", key);
  }

  private static String report(String name, Integer year, String city, String contact) {
    OffsetDateTime now =
        OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.MINUTES).minusMinutes(5);
    return "{\"name\": \"%s\", %s\"city\": \"%s\", \"detained_at\": \"%s\", \"source\": \"relative\", %s\"consent\": \"none\"}"
        .formatted(
            name,
            year == null ? "" : "\"birth_year\": " + year + ", ",
            city,
            now,
            contact == null ? "" : "\"contact\": \"" + contact + "\", ");
  }

  private JsonNode places(String q) {
    Response r = server.get("/api/places/suggest?q=" + enc(q), OPERATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private String firstPlace(String q) {
    return places(q).get("items").get(0).get("name_ru").asText();
  }

  private void station(String name, String city) {
    Response r =
        server.post(
            "/api/police-stations",
            "{\"name\": \"%s\", \"city\": \"%s\"}".formatted(name, city),
            COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private JsonNode stations(String q, String city) {
    Response r =
        server.get("/api/police-stations/suggest?q=" + enc(q) + "&city=" + enc(city), OPERATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("items");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
