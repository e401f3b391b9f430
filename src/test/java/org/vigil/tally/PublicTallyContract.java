package org.vigil.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;
import static org.vigil.testing.PublicFixture.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The public tally on each database: distinct people, confirmed and unconfirmed apart (never added
 * together), by city (the gazetteer's places), day, hour and police station, as JSON and as CSV
 * with the same figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublicTallyContract {
  private Path dir;
  private TestDatabase db;
  private TestVigil server;
  private static final String MOSCOW = "524901";
  private static final String YAKUTSK = "2013159";
  private String campaign;
  private String moscow;
  private String sidorov;

  abstract TestDatabase.Kind kind();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("vigil-public-tally");
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    PublicFixture f = new PublicFixture(server);
    campaign = f.campaign("23 января 2021", "2021-01-23");
    moscow = f.event(campaign, "2021-01-23", "Москва", 55.7656, 37.6055);
    f.event(campaign, "2021-01-23", "Якутск", 62.0355, 129.6755);
    f.station("ОВД Тверской", "Москва", 55.76, 37.61);
    // The same woman reported twice, once by a coordinator: one person, confirmed.
    for (var role : List.of(COORDINATOR, OPERATOR)) {
      f.report(
          role,
          campaign,
          "Евдокия Пантелеймонова",
          "Москва",
          "2021-01-23T14:05:00+03:00",
          "ОВД Тверской",
          "none");
    }
    sidorov =
        f.report(
            OPERATOR,
            campaign,
            "Пётр Сидоркин",
            "Москва",
            "2021-01-23T15:30:00+03:00",
            null,
            "none");
    f.report(
        OPERATOR, campaign, "Айаал Степанов", "Якутск", "2021-01-23T13:10:00+09:00", null, "full");
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  private JsonNode tally(String by) {
    Response r = server.get("/api/public/tally?campaign=" + campaign + "&by=" + by, null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private JsonNode settled(String by) {
    return eventually(
        () -> tally(by),
        t ->
            t.get("total").get("confirmed").asLong() + t.get("total").get("unconfirmed").asLong()
                == 3);
  }

  @Test
  void people_are_counted_once_and_confirmed_apart() {
    JsonNode total = settled("city").get("total");
    assertThat(total.has("people")).as("no figure adds unverified people to verified").isFalse();
    assertThat(total.get("confirmed").asLong()).isEqualTo(1);
    assertThat(total.get("unconfirmed").asLong()).isEqualTo(2);
    // Cities with a confirmed detention: Yakutsk has only an unverified report.
    assertThat(total.get("cities").asLong()).isEqualTo(1);
    assertThat(total.get("unnamed").asLong()).isZero();
  }

  @Test
  void by_city_day_hour_and_station() {
    JsonNode cities = settled("city");
    assertThat(groups(cities, "confirmed"))
        .containsEntry(MOSCOW, 1L)
        .containsEntry(YAKUTSK, 0L)
        .hasSize(2);
    assertThat(groups(cities, "unconfirmed")).containsEntry(MOSCOW, 1L).containsEntry(YAKUTSK, 1L);
    JsonNode moscowRow = cities.get("groups").get(0);
    assertThat(moscowRow.get("label").asText()).isEqualTo("Москва");
    assertThat(moscowRow.get("label_en").asText()).isEqualTo("Moscow");
    assertThat(groups(tally("day"), "unconfirmed")).containsExactly(Map.entry("2021-01-23", 2L));
    // 14:05 and 15:30 Moscow time, 13:10 Yakutsk time: three different UTC hours.
    assertThat(groups(tally("hour"), "unconfirmed"))
        .containsExactly(
            Map.entry("2021-01-23T04:00:00Z", 1L),
            Map.entry("2021-01-23T11:00:00Z", 0L),
            Map.entry("2021-01-23T12:00:00Z", 1L));
    JsonNode stations = tally("station").get("groups");
    assertThat(stations).hasSize(1);
    assertThat(stations.get(0).get("label").asText()).isEqualTo("ОВД Тверской");
    assertThat(stations.get(0).get("confirmed").asLong()).isEqualTo(1);
  }

  @Test
  void a_coordinator_confirms_and_the_figures_follow() {
    long confirmedBefore = settled("city").get("total").get("confirmed").asLong();
    JsonNode items = server.get("/api/detentions?event=" + moscow, COORDINATOR).json().get("items");
    String detention = null;
    for (JsonNode d : items) {
      if (d.get("report_id").asText().equals(sidorov)) detention = d.get("id").asText();
    }
    assertThat(detention).isNotNull();
    Response confirmed = server.post("/api/detentions/" + detention + "/confirm", "", COORDINATOR);
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().get("confirmed_at").isNull()).isFalse();
    assertThat(server.post("/api/detentions/" + detention + "/confirm", "", OPERATOR).status())
        .isEqualTo(403);
    JsonNode after =
        eventually(
            () -> tally("city"),
            t -> t.get("total").get("confirmed").asLong() == confirmedBefore + 1);
    assertThat(after.get("total").get("confirmed").asLong()).isEqualTo(confirmedBefore + 1);
    assertThat(after.get("total").get("unconfirmed").asLong()).isEqualTo(1);
  }

  @Test
  void csv_has_the_same_figures() {
    JsonNode json = settled("city");
    Response csv = server.get("/api/public/tally.csv?campaign=" + campaign + "&by=city", null);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo("campaign_id,by,key,label,label_en,confirmed,unconfirmed,unnamed");
    List<String> expected = new ArrayList<>();
    for (JsonNode g : json.get("groups")) {
      expected.add(
          String.join(
              ",",
              campaign,
              "city",
              g.get("key").asText(),
              g.get("label").asText(),
              g.get("label_en").asText(),
              g.get("confirmed").asText(),
              g.get("unconfirmed").asText(),
              g.get("unnamed").asText()));
    }
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
  }

  @Test
  void bad_parameters_are_named() {
    Response wrong = server.get("/api/public/tally?campaign=" + campaign + "&by=street", null);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("\"by\"").contains("street");
    assertThat(server.get("/api/public/tally?campaign=nope", null).status()).isEqualTo(404);
  }

  @Test
  void an_unchanged_tally_is_not_sent_again() throws Exception {
    settled("city");
    Response first = server.get("/api/public/tally?campaign=" + campaign + "&by=city", null);
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(first.header("Cache-Control")).contains("public");
    HttpRequest again =
        server
            .request("/api/public/tally?campaign=" + campaign + "&by=city", null)
            .header("If-None-Match", etag)
            .GET()
            .build();
    assertThat(server.send(again).status()).isEqualTo(304);
  }

  private static Map<String, Long> groups(JsonNode tally, String figure) {
    Map<String, Long> people = new TreeMap<>();
    tally.get("groups").forEach(g -> people.put(g.get("key").asText(), g.get(figure).asLong()));
    return people;
  }
}
