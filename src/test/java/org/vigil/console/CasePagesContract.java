package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;
import static org.vigil.security.Role.LAWYER;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.Vigil;
import org.vigil.security.Role;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.MutableClock;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The coordinator's case pages over HTTP (issue #13): a person's page with their reports and
 * timelines, a status added and consent verified and withdrawn through its forms (by the API's own
 * rules, errors shown on the page), search by name in any script, who is held at which station, the
 * undoing of a station merge; and none of it for an operator, an editor or a lawyer.
 */
abstract class CasePagesContract {
  static final String PASSWORD = "long evening train to Tver 17";
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;
  private MutableClock clock;
  private PublicFixture f;
  private String campaign;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void start() {
    db = TestDatabase.create(kind(), dir);
    clock = MutableClock.atStepStart();
    server =
        TestVigil.start(
            db,
            dir.resolve("keyset.json"),
            List.of(),
            new Vigil.ConsoleSettings(null, Duration.ofMinutes(30), Duration.ofHours(12), clock));
    f = new PublicFixture(server);
    campaign = f.campaign("23 января 2021", "2021-01-23");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    db.close();
  }

  @Test
  void a_person_page_shows_reports_and_timeline_and_adds_a_status() {
    String report = report("Анна Жданых", 1994, "Новосибирск", null);
    String detention = detentionOf(report);
    String person = personOf(detention);
    ConsoleUser kira = member("kira", COORDINATOR);

    Response page = kira.get("/console/persons/" + person);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body())
        .contains("Анна Жданых", "Anna Zhdanykh", "1994", "Новосибирск")
        .contains("data-report=\"" + report + "\"", "id=\"detention-" + detention + "\"")
        .contains("задержан(а)", "родственник", "+7 900 000-00-00", "увезли в автозак");

    // A status through the page's form, in Moscow time, on the same rules as the API.
    Response added =
        kira.post(
            "/console/detentions/" + detention + "/status",
            ConsoleUser.form(
                "_csrf",
                kira.csrf(),
                "status",
                "at_police_station",
                "at",
                "2021-01-23T15:10",
                "source",
                "адвокат Петрова",
                "note",
                "передали воду"),
            "same-origin");
    assertThat(added.status()).as(added.toString()).isEqualTo(303);
    assertThat(added.header("Location"))
        .isEqualTo("/console/persons/" + person + "?done=status#detention-" + detention);
    page = kira.get(added.header("Location").replaceAll("#.*", ""));
    assertThat(page.body())
        .contains("id=\"notice\"", "в отделе полиции", "адвокат Петрова", "передали воду")
        .contains("2021-01-23 15:10");
    JsonNode timeline = detention(detention).get("timeline");
    assertThat(timeline).hasSize(2);
    assertThat(timeline.get(1).get("happened_at").asText()).isEqualTo("2021-01-23T15:10:00+03:00");
    assertThat(timeline.get(1).get("author").asText()).isNotBlank();

    // Wrong fields: the page again (422) with every reason beside the form, what was typed kept.
    Response wrong =
        kira.post(
            "/console/detentions/" + detention + "/status",
            ConsoleUser.form(
                "_csrf",
                kira.csrf(),
                "status",
                "fined",
                "arrest_days",
                "10",
                "note",
                "осталось в форме"),
            "same-origin");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("id=\"status-" + detention + "-errors\"")
        .contains("Источник: обязательное поле")
        .contains("Арест, суток: goes only with status administrative_arrest")
        .contains("осталось в форме")
        .as("the language switch leads to the page, not to the form's target")
        .contains("href=\"/console/persons/" + person + "?lang=en\"");
    assertThat(detention(detention).get("timeline")).hasSize(2);

    // Correcting an entry: the new one supersedes it, with a reason; the old one stays, marked.
    String entry = timeline.get(1).get("id").asText();
    Response noReason =
        kira.post(
            "/console/detentions/" + detention + "/status",
            ConsoleUser.form(
                "_csrf",
                kira.csrf(),
                "status",
                "held_overnight",
                "source",
                "адвокат",
                "supersedes",
                entry),
            "same-origin");
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.body()).contains("Причина: is required when an entry corrects another");
    Response corrected =
        kira.post(
            "/console/detentions/" + detention + "/status",
            ConsoleUser.form(
                "_csrf",
                kira.csrf(),
                "status",
                "held_overnight",
                "at",
                "2021-01-23T15:10",
                "source",
                "адвокат",
                "supersedes",
                entry,
                "reason",
                "перепутали отдел"),
            "same-origin");
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(303);
    assertThat(detention(detention).get("status").asText()).isEqualTo("held_overnight");
    assertThat(kira.get("/console/persons/" + person).body())
        .contains("entry superseded", "перепутали отдел");
  }

  @Test
  void a_detention_is_confirmed_on_the_person_page_once() {
    String detention = detentionOf(report("Фёдор Жданых", 1980, "Москва", null));
    String person = personOf(detention);
    ConsoleUser kira = member("kira", COORDINATOR);
    ConsoleUser lev = member("lev", COORDINATOR);
    assertThat(kira.get("/console/persons/" + person).body())
        .contains("action=\"/console/detentions/" + detention + "/confirm\"");
    String levsForm = lev.csrf();
    Response confirmed =
        kira.post(
            "/console/detentions/" + detention + "/confirm",
            ConsoleUser.form("_csrf", kira.csrf()),
            "same-origin");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(303);
    assertThat(detention(detention).get("confirmed_at").isNull()).isFalse();
    // lev, on the page he opened before, is told who was first; nothing is overwritten
    Response late =
        lev.post(
            "/console/detentions/" + detention + "/confirm",
            ConsoleUser.form("_csrf", levsForm),
            "same-origin");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body()).contains("Уже решил(а) kira в ");
    assertThat(kira.get("/console/persons/" + person).body())
        .doesNotContain("action=\"/console/detentions/" + detention + "/confirm\"")
        .contains("Подтвердил(а) kira");
  }

  @Test
  void consent_is_verified_and_withdrawn_on_the_person_page() {
    String report = report("Ольга Мирошниченко", 1990, "Москва", null);
    String person = personOf(detentionOf(report));
    ConsoleUser kira = member("kira", COORDINATOR);

    Response unknownReport =
        kira.post(
            "/console/persons/" + person + "/consent",
            ConsoleUser.form(
                "_csrf", kira.csrf(), "consent", "full", "given_by", "self", "report", "nope"),
            "same-origin");
    assertThat(unknownReport.status()).isEqualTo(422);
    assertThat(unknownReport.body()).contains("no report about this person with this id");
    assertThat(published(person)).isEqualTo("none");

    Response verified =
        kira.post(
            "/console/persons/" + person + "/consent",
            ConsoleUser.form(
                "_csrf",
                kira.csrf(),
                "consent",
                "full",
                "given_by",
                "self",
                "report",
                report,
                "note",
                "перезвонили ей"),
            "same-origin");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(303);
    assertThat(published(person)).isEqualTo("full");
    assertThat(kira.get("/console/persons/" + person).body())
        .contains("Сейчас публикуется: полное имя", "перезвонили ей", "проверил(а) kira");

    Response withdrawn =
        kira.post(
            "/console/persons/" + person + "/consent",
            ConsoleUser.form("_csrf", kira.csrf(), "consent", "none", "given_by", "self"),
            "same-origin");
    assertThat(withdrawn.status()).isEqualTo(303);
    assertThat(published(person)).isEqualTo("none");
    assertThat(kira.get("/console/persons/" + person).body())
        .contains("Сейчас публикуется: не публиковать");

    // A form without the session's CSRF token changes nothing.
    assertThat(
            kira.post(
                    "/console/persons/" + person + "/consent",
                    ConsoleUser.form("consent", "full", "given_by", "self"),
                    "same-origin")
                .status())
        .isEqualTo(403);
    assertThat(published(person)).isEqualTo("none");
  }

  @Test
  void search_finds_a_person_in_any_script_or_spelling() {
    String zhdanykh = personOf(detentionOf(report("Жданых Пётр Ильич", 1985, "Москва", null)));
    personOf(detentionOf(report("Иван Жданов", 1970, "Москва", null)));
    personOf(detentionOf(report("Мария Соколова", 1999, "Москва", null)));
    ConsoleUser kira = member("kira", COORDINATOR);

    for (String q : List.of("Жданых", "Zhdanykh", "JDANYKH", "ždanyh", "Петр Жданых", "zhdanyh")) {
      JsonNode items = search(q);
      assertThat(items).as(q).isNotEmpty();
      assertThat(items.get(0).get("id").asText()).as(q).isEqualTo(zhdanykh);
      assertThat(items.get(0).get("name").asText()).isEqualTo("Жданых Пётр Ильич");
    }
    assertThat(search("Zhdanykh").get(0).get("exact").asBoolean()).isTrue();
    assertThat(search("JDANYKH").get(0).get("exact").asBoolean()).isFalse();
    assertThat(search("Соколов"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("Мария Соколова");
    assertThat(search("Кузнецова")).isEmpty();
    assertThat(server.get("/api/search/persons?q=x", COORDINATOR).status()).isEqualTo(422);
    assertThat(server.get("/api/search/persons", COORDINATOR).status()).isEqualTo(422);

    Response page = kira.get("/console/search?q=JDANYKH");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/console/persons/" + zhdanykh + "\"", "Жданых Пётр Ильич", "1985")
        .contains("похожее написание");
    assertThat(kira.get("/console/search?q=" + "я".repeat(201)).status()).isEqualTo(422);
  }

  @Test
  void held_people_are_counted_per_station_and_a_station_merge_is_undone() {
    String a = f.station("ОВД Тверской", "Москва", 55.76, 37.61);
    String b = f.station("ОМВД Пресненский", "Москва", 55.76, 37.56);
    String one = detentionOf(report("Борис Первый", 1990, "Москва", "ОВД Тверской"));
    String two = detentionOf(report("Вера Вторая", 1991, "Москва", "ОВД Тверской"));
    String three = detentionOf(report("Галина Третья", 1992, "Москва", "ОМВД Пресненский"));
    String four = detentionOf(report("Дмитрий Четвёртый", 1993, "Москва", "ОМВД Пресненский"));
    status(one, "at_police_station");
    status(two, "held_overnight");
    status(three, "at_police_station");
    status(four, "at_police_station");
    status(four, "released_with_charge_sheet");

    Map<String, Long> counts = custody();
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(a, 2L, b, 1L));

    ConsoleUser kira = member("kira", COORDINATOR);
    Response held = kira.get("/console/held");
    assertThat(held.status()).isEqualTo(200);
    assertThat(held.body())
        .contains("Борис Первый", "Вера Вторая", "Галина Третья")
        .doesNotContain("Дмитрий Четвёртый")
        .contains("оставлен(а) на ночь", "ОВД Тверской");
    assertThat(held.body().indexOf("ОВД Тверской"))
        .as("the station holding most comes first")
        .isLessThan(held.body().indexOf("ОМВД Пресненский"));

    // A merge shows all three at the station that stands for both, and is undone on the page.
    assertThat(
            server
                .post(
                    "/api/police-stations/" + b + "/merge",
                    "{\"into\": \"" + a + "\"}",
                    COORDINATOR)
                .status())
        .isEqualTo(200);
    assertThat(custody()).containsExactlyEntriesOf(Map.of(a, 3L));
    Response stations = kira.get("/console/stations");
    assertThat(stations.body())
        .contains("ОМВД Пресненский объединён с ОВД Тверской")
        .contains("action=\"/console/stations/" + b + "/unmerge\"");
    Response undone =
        kira.post(
            "/console/stations/" + b + "/unmerge",
            ConsoleUser.form("_csrf", kira.csrf()),
            "same-origin");
    assertThat(undone.status()).as(undone.toString()).isEqualTo(303);
    assertThat(kira.get(undone.header("Location")).body())
        .contains("Объединение отменено: ОМВД Пресненский")
        .contains("Объединённых отделов нет");
    assertThat(custody()).containsExactlyInAnyOrderEntriesOf(Map.of(a, 2L, b, 1L));
    Response again =
        kira.post(
            "/console/stations/" + b + "/unmerge",
            ConsoleUser.form("_csrf", kira.csrf()),
            "same-origin");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("the station is not merged");
  }

  @Test
  void operators_editors_and_lawyers_get_403_on_the_pages_and_the_api() {
    String person = personOf(detentionOf(report("Анна Жданых", 1994, "Москва", null)));
    String detention = detentionOf(report("Анна Жданых", 1994, "Москва", null));
    for (Role role : List.of(OPERATOR, EDITOR, LAWYER)) {
      ConsoleUser user = member("user-" + role.code(), role);
      for (String page :
          List.of(
              "/console/persons/" + person,
              "/console/search?q=Zhdanykh",
              "/console/held",
              "/console/stations")) {
        Response r = user.get(page);
        assertThat(r.status()).as(role + " " + page).isEqualTo(403);
        assertThat(r.body()).doesNotContain("Жданых");
      }
      Response form =
          user.post(
              "/console/persons/" + person + "/consent",
              ConsoleUser.form("_csrf", user.csrf(), "consent", "full", "given_by", "self"),
              "same-origin");
      assertThat(form.status()).as(role + " consent").isEqualTo(403);
      Response status =
          user.post(
              "/console/detentions/" + detention + "/status",
              ConsoleUser.form("_csrf", user.csrf(), "status", "fined", "source", "x"),
              "same-origin");
      assertThat(status.status()).as(role + " status").isEqualTo(403);
      for (String api : List.of("/api/search/persons?q=Zhdanykh", "/api/custody")) {
        Response r = server.get(api, role);
        assertThat(r.status()).as(role + " " + api).isEqualTo(403);
        assertThat(r.body()).doesNotContain("Жданых");
      }
    }
    assertThat(published(person)).isEqualTo("none");
    assertThat(detention(detention).get("timeline")).hasSize(1);
  }

  /** A user who accepted an invitation, signed in. */
  private ConsoleUser member(String name, Role role) {
    String token = server.vigil().invitations().invite(name, role, null, null).token();
    ConsoleUser user = new ConsoleUser(server);
    Response accepted = user.accept(token, PASSWORD, clock);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(303);
    clock.advance(Duration.ofSeconds(30));
    return user;
  }

  /** A relative's report, typed by an operator, with a contact and an account. */
  private String report(String name, int birthYear, String city, String station) {
    Response r =
        server.post(
            "/api/reports",
            """
            {"campaign": "%s", "name": "%s", "birth_year": %d, "city": "%s",
             "detained_at": "2021-01-23T14:05:00+03:00", "police_station": %s,
             "source": "relative", "contact": "+7 900 000-00-00",
             "text": "увезли в автозак у Пушкинской"}"""
                .formatted(
                    campaign,
                    name,
                    birthYear,
                    city,
                    station == null ? "null" : "\"" + station + "\""),
            OPERATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private void status(String detention, String status) {
    Response r =
        server.post(
            "/api/detentions/" + detention + "/status",
            "{\"status\": \"%s\", \"source\": \"адвокат\"}".formatted(status),
            COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private Map<String, Long> custody() {
    Response r = server.get("/api/custody", COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, Long> counts = new HashMap<>();
    r.json()
        .get("items")
        .forEach(c -> counts.put(c.get("station_id").asText(), c.get("people").asLong()));
    return counts;
  }

  private JsonNode search(String q) {
    Response r =
        server.get(
            "/api/search/persons?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), COORDINATOR);
    assertThat(r.status()).as(q + ": " + r).isEqualTo(200);
    return r.json().get("items");
  }

  private String published(String person) {
    return server
        .get("/api/persons/" + person, COORDINATOR)
        .json()
        .get("published_consent")
        .asText();
  }

  private JsonNode detention(String id) {
    Response r = server.get("/api/detentions/" + id, COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private String personOf(String detention) {
    return detention(detention).get("person").get("id").asText();
  }

  private String detentionOf(String report) {
    for (String after = null; ; ) {
      JsonNode page =
          server
              .get(
                  "/api/detentions?limit=100" + (after == null ? "" : "&after=" + after),
                  COORDINATOR)
              .json();
      for (JsonNode d : page.get("items")) {
        if (d.get("report_id").asText().equals(report)) return d.get("id").asText();
      }
      if (page.get("next").isNull()) throw new AssertionError("no detention of report " + report);
      after = page.get("next").asText();
    }
  }
}
