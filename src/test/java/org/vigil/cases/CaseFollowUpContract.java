package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * A detention followed from the police van to the appeal (issue #15, point 1): each step's facts
 * are fields of their own, checked field by field, the judge's name sealed at rest, and a wrong
 * step corrected by a new entry that refers to it.
 */
abstract class CaseFollowUpContract {
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;
  private String detention;
  private String station;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void start() {
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    Response report =
        server.post(
            "/api/reports",
            """
            {"name": "Вера Апелляцева", "city": "Москва", "source": "relative",
             "detained_at": "2021-01-23T14:05:00+03:00"}""",
            COORDINATOR);
    assertThat(report.status()).as(report.toString()).isEqualTo(201);
    detention = detentionOf(report.json().get("id").asText());
    Response st =
        server.post(
            "/api/police-stations",
            """
            {"name": "ОМВД по Тверскому району", "city": "Москва",
             "address": "ул. Тверская, 1"}""",
            COORDINATOR);
    assertThat(st.status()).as(st.toString()).isEqualTo(201);
    station = st.json().get("id").asText();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    db.close();
  }

  @Test
  void every_step_to_the_appeal_keeps_its_facts_as_fields() {
    String hearing =
        OffsetDateTime.now(ZoneOffset.ofHours(3))
            .plusDays(3)
            .truncatedTo(ChronoUnit.MINUTES)
            .withHour(10)
            .withMinute(0)
            .toString();
    add(
        """
        {"status": "at_police_station", "police_station": "%s", "source": "адвокат",
         "at": "2021-01-23T15:00:00+03:00"}"""
            .formatted(station));
    assertThat(detentionJson().get("police_station_id").asText())
        .as("the station the entry names is where the person is held")
        .isEqualTo(station);
    add(
        """
        {"status": "released_with_charge_sheet", "article": "20.2", "article_part": 5,
         "source": "адвокат", "at": "2021-01-23T22:00:00+03:00"}""");
    add(
        """
        {"status": "in_court", "court": "Тверской районный суд", "hearing_at": "%s",
         "judge": "Судья Вымышленная А. Б.", "case_number": "5-1234/2021", "article": "20.2",
         "article_part": 5, "source": "сайт суда", "at": "2021-01-24T09:00:00+03:00"}"""
            .formatted(hearing));
    add(
        """
        {"status": "fined", "fine_rub": 15000, "article": "20.2", "article_part": 5,
         "court": "Тверской районный суд", "source": "адвокат", "at": "2021-01-25T12:00:00+03:00"}""");
    add(
        """
        {"status": "appealed", "court": "Московский городской суд", "source": "адвокат",
         "at": "2021-01-28T12:00:00+03:00"}""");
    add(
        """
        {"status": "appeal_decided", "appeal_outcome": "upheld", "source": "адвокат",
         "at": "2021-03-01T12:00:00+03:00"}""");

    JsonNode d = detentionJson();
    assertThat(d.get("status").asText()).isEqualTo("appeal_decided");
    List<String> steps = new ArrayList<>();
    d.get("timeline").forEach(e -> steps.add(e.get("status").asText()));
    assertThat(steps)
        .containsExactly(
            "detained",
            "at_police_station",
            "released_with_charge_sheet",
            "in_court",
            "fined",
            "appealed",
            "appeal_decided");
    JsonNode court = d.get("timeline").get(3);
    assertThat(court.get("court").asText()).isEqualTo("Тверской районный суд");
    assertThat(OffsetDateTime.parse(court.get("hearing_at").asText()))
        .isEqualTo(OffsetDateTime.parse(hearing));
    assertThat(court.get("judge").asText()).isEqualTo("Судья Вымышленная А. Б.");
    assertThat(court.get("case_number").asText()).isEqualTo("5-1234/2021");
    assertThat(court.get("author").asText()).isNotBlank();
    JsonNode protocol = d.get("timeline").get(2);
    assertThat(protocol.get("article").asText()).isEqualTo("20.2");
    assertThat(protocol.get("article_part").asInt()).isEqualTo(5);
    assertThat(d.get("timeline").get(4).get("fine_rub").asLong()).isEqualTo(15000);
    assertThat(d.get("timeline").get(6).get("appeal_outcome").asText()).isEqualTo("upheld");

    // The judge's name is sealed like the note; the court and the case number are public record.
    List<byte[]> sealed =
        server
            .vigil()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT judge_enc FROM detention_statuses WHERE judge_enc IS NOT NULL")
                        .mapTo(byte[].class)
                        .list());
    assertThat(sealed).hasSize(1);
    assertThat(new String(sealed.getFirst(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Вымышленная");
  }

  @Test
  void each_wrong_field_is_named_with_what_it_must_be() {
    refused("{\"status\": \"fined\", \"source\": \"адвокат\"}", "fine_rub", "is required");
    refused(
        "{\"status\": \"administrative_arrest\", \"arrest_days\": 45, \"source\": \"x\"}",
        "arrest_days",
        "between 1 and 30");
    refused(
        "{\"status\": \"community_service\", \"service_hours\": 10, \"source\": \"x\"}",
        "service_hours",
        "between 20 and 200");
    refused(
        "{\"status\": \"released_with_charge_sheet\", \"article\": \"20.2 ч. 5\", \"source\": \"x\"}",
        "article",
        "article_part");
    refused(
        "{\"status\": \"released_without_charge\", \"article\": \"20.2\", \"source\": \"x\"}",
        "article",
        "goes only with status");
    refused(
        "{\"status\": \"fined\", \"fine_rub\": 5000, \"hearing_at\": \"2021-02-01T10:00:00+03:00\","
            + " \"source\": \"x\"}",
        "hearing_at",
        "goes only with status in_court, appealed");
    refused("{\"status\": \"in_court\", \"source\": \"x\"}", "court", "is required");
    refused("{\"status\": \"in_court\", \"source\": \"x\"}", "hearing_at", "is required");
    refused(
        "{\"status\": \"at_police_station\", \"police_station\": \"nowhere\", \"source\": \"x\"}",
        "police_station",
        "no police station");
    refused(
        "{\"status\": \"appeal_decided\", \"appeal_outcome\": \"won\", \"source\": \"x\"}",
        "appeal_outcome",
        "upheld|changed|overturned");
    refused(
        "{\"status\": \"in_court\", \"court\": \"Тверской районный суд\", \"source\": \"x\","
            + " \"hearing_at\": \"2099-01-01T10:00:00+03:00\"}",
        "hearing_at",
        "more than a year ahead");
    assertThat(detentionJson().get("timeline")).hasSize(1);
  }

  @Test
  void a_wrong_hearing_is_corrected_by_an_entry_that_refers_to_it() {
    String wrong =
        add(
            """
            {"status": "in_court", "court": "Мещанский районный суд",
             "hearing_at": "2021-02-01T10:00:00+03:00", "source": "родственник",
             "at": "2021-01-24T09:00:00+03:00"}""");
    add(
        """
        {"status": "in_court", "court": "Тверской районный суд",
         "hearing_at": "2021-02-02T11:00:00+03:00", "source": "сайт суда",
         "at": "2021-01-24T09:00:00+03:00", "supersedes": "%s",
         "reason": "родственник перепутал суд"}"""
            .formatted(wrong));
    JsonNode timeline = detentionJson().get("timeline");
    JsonNode old = null;
    JsonNode now = null;
    for (JsonNode e : timeline) {
      if (e.get("id").asText().equals(wrong)) old = e;
      else if (e.get("supersedes").asText().equals(wrong)) now = e;
    }
    assertThat(old).isNotNull();
    assertThat(old.get("court").asText()).as("never edited").isEqualTo("Мещанский районный суд");
    assertThat(old.get("superseded_by").asText()).isEqualTo(now.get("id").asText());
    assertThat(now.get("court").asText()).isEqualTo("Тверской районный суд");
    assertThat(now.get("reason").asText()).isEqualTo("родственник перепутал суд");
  }

  private String add(String json) {
    Response r = server.post("/api/detentions/" + detention + "/status", json, COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private void refused(String json, String field, String reason) {
    Response r = server.post("/api/detentions/" + detention + "/status", json, COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    boolean named = false;
    for (JsonNode e : r.json().get("errors")) {
      named |= e.get("field").asText().equals(field) && e.get("reason").asText().contains(reason);
    }
    assertThat(named).as(field + " refused with '" + reason + "': " + r).isTrue();
  }

  private JsonNode detentionJson() {
    Response r = server.get("/api/detentions/" + detention, COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private String detentionOf(String report) {
    for (JsonNode d : server.get("/api/detentions?limit=100", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(report)) return d.get("id").asText();
    }
    throw new AssertionError("no detention of report " + report);
  }
}
