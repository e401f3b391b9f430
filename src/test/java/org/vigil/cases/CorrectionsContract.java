package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;
import static org.vigil.testing.PublicFixture.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.security.Role;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * Everything public can be corrected (issue #12): a coordinator rejects a report, unconfirms a
 * detention, merges two detentions of one arrest, corrects a timeline entry and places a held
 * detention; each is a route with a role check and a reason, each is kept on record, and each moves
 * the public figures at once. Places that do not resolve, times outside the campaign and reports
 * without a time are held apart until placed.
 */
abstract class CorrectionsContract {
  private static final String MOSCOW = "524901";
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;
  private PublicFixture f;
  private String campaign;
  private String event;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void start() {
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    f = new PublicFixture(server);
    campaign =
        created(
            server.post(
                "/api/campaigns",
                """
                {"title": "23 января 2021", "starts_on": "2021-01-23", "ends_on": "2021-01-24"}""",
                COORDINATOR));
    event = f.event(campaign, "2021-01-23", "Москва", 55.7656, 37.6055);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    db.close();
  }

  @Test
  void a_rejected_report_leaves_every_count_and_returns_when_reinstated() {
    String fake = report(COORDINATOR, "Фёдор Выдумкин", "Москва", "2021-01-23T14:05:00+03:00");
    report(OPERATOR, "Зинаида Настоящая", "Москва", "2021-01-23T14:10:00+03:00");
    assertThat(settledTotal(1, 1).get("cities").asLong()).isEqualTo(1);

    assertThat(post("/api/reports/" + fake + "/reject", "{\"as\": \"spam\"}").status())
        .as("a rejection names its reason")
        .isEqualTo(422);
    assertThat(
            server
                .post(
                    "/api/reports/" + fake + "/reject",
                    "{\"as\": \"spam\", \"reason\": \"x\"}",
                    OPERATOR)
                .status())
        .isEqualTo(403);
    Response rejected =
        post(
            "/api/reports/" + fake + "/reject",
            "{\"as\": \"spam\", \"reason\": \"звонивший признался в розыгрыше\"}");
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(201);
    assertThat(rejected.json().get("decided_by").asText()).isNotBlank();
    assertThat(settledTotal(0, 1).get("cities").asLong()).isZero();

    // Stored, immutable, marked.
    JsonNode stored = server.get("/api/reports/" + fake, COORDINATOR).json();
    assertThat(stored.get("name").asText()).isEqualTo("Фёдор Выдумкин");
    assertThat(stored.get("rejection").get("reason").asText())
        .isEqualTo("звонивший признался в розыгрыше");
    assertThat(stored.get("rejection").get("detail").get("as").asText()).isEqualTo("spam");
    Response twice =
        post("/api/reports/" + fake + "/reject", "{\"as\": \"duplicate\", \"reason\": \"x\"}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body()).contains("rejected already");

    Response back = post("/api/reports/" + fake + "/reinstate", "{\"reason\": \"ошиблись\"}");
    assertThat(back.status()).as(back.toString()).isEqualTo(201);
    settledTotal(1, 1);
    assertThat(server.get("/api/reports/" + fake, COORDINATOR).json().get("rejection").isNull())
        .isTrue();
  }

  @Test
  void an_unconfirmed_detention_leaves_the_headline_for_the_unverified_figure() {
    String report = report(COORDINATOR, "Антон Поспешный", "Москва", "2021-01-23T14:05:00+03:00");
    settledTotal(1, 0);
    String detention = detentionOf(report);
    assertThat(post("/api/detentions/" + detention + "/unconfirm", "{}").status()).isEqualTo(422);
    Response unconfirmed =
        post("/api/detentions/" + detention + "/unconfirm", "{\"reason\": \"не дозвонились\"}");
    assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(200);
    assertThat(unconfirmed.json().get("confirmed_at").isNull()).isTrue();
    settledTotal(0, 1);
    assertThat(
            post("/api/detentions/" + detention + "/unconfirm", "{\"reason\": \"again\"}").status())
        .isEqualTo(409);
    List<String> kinds = new ArrayList<>();
    server
        .get("/api/detentions/" + detention + "/decisions", COORDINATOR)
        .json()
        .get("items")
        .forEach(d -> kinds.add(d.get("kind").asText()));
    assertThat(kinds).containsExactly("unconfirm");
  }

  @Test
  void two_detentions_of_one_arrest_merge_into_one_timeline_and_part_again() {
    String first = report(COORDINATOR, "Глеб Двойнов", "Москва", "2021-01-23T14:05:00+03:00");
    String second = report(OPERATOR, "Глеб Двоинов", "Москва", "2021-01-23T14:40:00+03:00");
    String a = detentionOf(first);
    String b = detentionOf(second);
    String personA = detention(a).get("person").get("id").asText();
    String personB = detention(b).get("person").get("id").asText();
    if (!personA.equals(personB)) {
      Response merged =
          post("/api/persons/" + personB + "/merge", "{\"into\": \"" + personA + "\"}");
      assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
    }
    status(a, "at_police_station", "2021-01-23T15:00:00+03:00");
    status(b, "released_with_charge_sheet", "2021-01-23T21:00:00+03:00");
    assertThat(detention(a).get("status").asText()).isEqualTo("at_police_station");

    assertThat(post("/api/detentions/" + b + "/merge", "{\"into\": \"" + a + "\"}").status())
        .as("a merge names its reason")
        .isEqualTo(422);
    Response merged =
        post(
            "/api/detentions/" + b + "/merge",
            "{\"into\": \"" + a + "\", \"reason\": \"одно задержание, два звонка\"}");
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    JsonNode whole = merged.json();
    assertThat(whole.get("timeline")).hasSize(4);
    assertThat(whole.get("status").asText()).isEqualTo("released_with_charge_sheet");
    assertThat(whole.get("confirmed_at").isNull()).as("confirmed, as one of the two was").isFalse();
    assertThat(detention(b).get("merged_into").asText()).isEqualTo(a);
    assertThat(
            post("/api/detentions/" + b + "/merge", "{\"into\": \"" + a + "\", \"reason\": \"x\"}")
                .status())
        .isEqualTo(409);
    settledTotal(1, 0);

    Response parted = post("/api/detentions/" + b + "/unmerge", "{\"reason\": \"разные дни\"}");
    assertThat(parted.status()).as(parted.toString()).isEqualTo(200);
    assertThat(parted.json().get("merged_into").isNull()).isTrue();
    assertThat(parted.json().get("status").asText()).isEqualTo("released_with_charge_sheet");
    assertThat(detention(a).get("status").asText()).isEqualTo("at_police_station");
    assertThat(detention(a).get("timeline")).hasSize(2);

    String other = report(COORDINATOR, "Вера Посторонняя", "Москва", "2021-01-23T14:05:00+03:00");
    Response strangers =
        post(
            "/api/detentions/" + detentionOf(other) + "/merge",
            "{\"into\": \"" + a + "\", \"reason\": \"x\"}");
    assertThat(strangers.status()).isEqualTo(409);
    assertThat(strangers.body()).contains("different persons");
  }

  @Test
  void a_wrong_timeline_entry_is_corrected_by_an_entry_that_supersedes_it() {
    String detention =
        detentionOf(report(COORDINATOR, "Ирина Штрафова", "Москва", "2021-01-23T14:05:00+03:00"));
    String wrong =
        created(
            post(
                "/api/detentions/" + detention + "/status",
                """
                {"status": "administrative_arrest", "arrest_days": 10, "source": "адвокат",
                 "at": "2021-01-25T11:00:00+03:00"}"""));
    assertThat(detention(detention).get("status").asText()).isEqualTo("administrative_arrest");

    String correction =
        """
        {"status": "fined", "fine_rub": 10000, "at": "2021-01-25T11:00:00+03:00",
         "source": "решение суда", "supersedes": "%s"%s}""";
    assertThat(
            post("/api/detentions/" + detention + "/status", correction.formatted(wrong, ""))
                .status())
        .as("a correction says why")
        .isEqualTo(422);
    Response corrected =
        post(
            "/api/detentions/" + detention + "/status",
            correction.formatted(wrong, ", \"reason\": \"перепутали с соседним делом\""));
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    JsonNode d = detention(detention);
    assertThat(d.get("status").asText()).isEqualTo("fined");
    JsonNode superseded = null;
    for (JsonNode entry : d.get("timeline")) {
      if (entry.get("id").asText().equals(wrong)) superseded = entry;
    }
    assertThat(superseded).as("the wrong entry stays on the timeline").isNotNull();
    assertThat(superseded.get("superseded_by").asText())
        .isEqualTo(corrected.json().get("id").asText());
    assertThat(
            post(
                    "/api/detentions/" + detention + "/status",
                    correction.formatted(wrong, ", \"reason\": \"again\""))
                .body())
        .contains("corrected already");
  }

  @Test
  void a_place_that_does_not_resolve_is_held_for_a_coordinator_and_never_becomes_a_row() {
    report(COORDINATOR, "Лев Первый", "Москва", "2021-01-23T14:05:00+03:00");
    settledTotal(1, 0);
    // A free-text "city" that is an address naming someone, and noise around a known city.
    String address =
        publicReport(
            "Семён Адресов",
            "ул. Тверская 13, кв. 5, Пелагея Соседкина",
            "2021-01-23T15:00:00+03:00");
    publicReport("Ося Невидимкин", "Москва\u200b", "2021-01-23T15:10:00+03:00");
    publicReport("Ян Латинский", "Moscow", "2021-01-23T15:20:00+03:00");
    publicReport("Пётр Питерский", "СПб", "2021-01-23T15:30:00+03:00");
    publicReport("Ина Невская", "Питер", "2021-01-23T15:40:00+03:00");
    publicReport("Ян Невский", "St Petersburg", "2021-01-23T15:50:00+03:00");
    // The failure of issue #12: these spellings made three more cities. Now they are two.
    JsonNode cities = eventually(() -> tally("city"), t -> unconfirmed(t) == 5);
    assertThat(cities.get("total").get("cities").asLong()).isEqualTo(1);
    assertThat(cities.get("groups")).hasSize(2);
    assertThat(cities.get("groups").get(0).get("key").asText()).isEqualTo(MOSCOW);
    assertThat(cities.get("groups").get(1).get("key").asText()).isEqualTo("498817");
    assertThat(cities.get("groups").get(1).get("unconfirmed").asLong()).isEqualTo(3);
    assertThat(server.get("/api/public/tally.csv?campaign=" + campaign + "&by=city", null).body())
        .doesNotContain("Тверская", "Соседкина");

    String held = detentionOf(address);
    JsonNode items = server.get("/api/detentions/held?campaign=" + campaign, COORDINATOR).json();
    assertThat(items.get("items")).hasSize(1);
    assertThat(items.get("items").get(0).get("detention_id").asText()).isEqualTo(held);
    assertThat(items.get("items").get(0).get("hold").asText()).isEqualTo("unknown_place");
    assertThat(server.get("/api/detentions/held", OPERATOR).status()).isEqualTo(403);

    Response unknown =
        post("/api/detentions/" + held + "/place", "{\"city\": \"Атлантида\", \"reason\": \"x\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("\"city\"");
    Response placed =
        post(
            "/api/detentions/" + held + "/place",
            "{\"city\": \"Москва\", \"reason\": \"перезвонили: задержан в Москве\"}");
    assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    assertThat(placed.json().get("place_id").asText()).isEqualTo(MOSCOW);
    eventually(() -> tally("city"), t -> unconfirmed(t) == 3);
    assertThat(
            server
                .get("/api/detentions/held?campaign=" + campaign, COORDINATOR)
                .json()
                .get("items"))
        .isEmpty();
  }

  @Test
  void a_detention_outside_the_campaign_or_without_a_time_is_held_apart() {
    report(COORDINATOR, "Лев Первый", "Москва", "2021-01-23T14:05:00+03:00");
    JsonNode hoursBefore = eventually(() -> tally("hour"), t -> confirmed(t) == 1);
    String outside = report(COORDINATOR, "Давид Давний", "Москва", "2020-05-01T12:00:00+03:00");
    String timeless = report(COORDINATOR, "Тимур Безвременный", "Москва", null);
    // Neither counts anywhere: no 2020 day, the hourly chart unchanged.
    JsonNode days = tally("day");
    assertThat(days.get("groups")).hasSize(1);
    assertThat(days.get("groups").get(0).get("key").asText()).isEqualTo("2021-01-23");
    assertThat(confirmed(days)).isEqualTo(1);
    assertThat(tally("hour").get("groups")).isEqualTo(hoursBefore.get("groups"));

    List<String> holds = new ArrayList<>();
    server
        .get("/api/detentions/held?campaign=" + campaign, COORDINATOR)
        .json()
        .get("items")
        .forEach(i -> holds.add(i.get("hold").asText()));
    assertThat(holds).containsExactlyInAnyOrder("outside_campaign", "no_time");

    Response placed =
        post(
            "/api/detentions/" + detentionOf(timeless) + "/place",
            "{\"detained_at\": \"2021-01-23T16:00:00+03:00\", \"reason\": \"уточнили время\"}");
    assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    eventually(() -> tally("hour"), t -> confirmed(t) == 2);
    Response toEvent =
        post(
            "/api/detentions/" + detentionOf(outside) + "/place",
            "{\"event\": \"" + event + "\", \"reason\": \"дата перепутана\"}");
    assertThat(toEvent.status()).isEqualTo(200);
    eventually(() -> tally("city"), t -> confirmed(t) == 3);
  }

  private String report(Role role, String name, String city, String detainedAt) {
    return created(
        server.post(
            "/api/reports",
            """
            {"campaign": "%s", "name": "%s", "city": "%s", %s "source": "witness"}"""
                .formatted(
                    campaign,
                    name,
                    city,
                    detainedAt == null ? "" : "\"detained_at\": \"" + detainedAt + "\","),
            role));
  }

  private String publicReport(String name, String city, String detainedAt) {
    return created(
        server.post(
            "/api/public/reports",
            """
            {"name": "%s", "city": "%s", "detained_at": "%s", "source": "witness"}"""
                .formatted(name, city, detainedAt),
            null));
  }

  private String status(String detention, String status, String at) {
    return created(
        post(
            "/api/detentions/" + detention + "/status",
            "{\"status\": \"%s\", \"at\": \"%s\", \"source\": \"адвокат\"}".formatted(status, at)));
  }

  private Response post(String path, String json) {
    return server.post(path, json, COORDINATOR);
  }

  private JsonNode detention(String id) {
    Response r = server.get("/api/detentions/" + id, COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
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

  private JsonNode tally(String by) {
    Response r = server.get("/api/public/tally?campaign=" + campaign + "&by=" + by, null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private JsonNode settledTotal(long confirmed, long unconfirmed) {
    JsonNode t =
        eventually(
            () -> tally("city"), x -> confirmed(x) == confirmed && unconfirmed(x) == unconfirmed);
    assertThat(confirmed(t)).as("confirmed").isEqualTo(confirmed);
    assertThat(unconfirmed(t)).as("unconfirmed").isEqualTo(unconfirmed);
    return t.get("total");
  }

  private static long confirmed(JsonNode tally) {
    return tally.get("total").get("confirmed").asLong();
  }

  private static long unconfirmed(JsonNode tally) {
    return tally.get("total").get("unconfirmed").asLong();
  }

  private static String created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}
