package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;
import static org.vigil.testing.PublicFixture.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * Consent is verified, can be withdrawn, and minors are protected (issue #12): a name reaches the
 * event page only once a coordinator verified the consent of the detainee or their representative;
 * the detainee's own later word wins and takes the name off at once; a minor's name never appears.
 */
abstract class ConsentContract {
  @TempDir Path dir;
  private TestDatabase db;
  private TestVigil server;
  private String campaign;
  private String event;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void start() {
    db = TestDatabase.create(kind(), dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    PublicFixture f = new PublicFixture(server);
    campaign = f.campaign("23 января 2021", "2021-01-23");
    event = f.event(campaign, "2021-01-23", "Москва", 55.7656, 37.6055);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    db.close();
  }

  @Test
  void a_minors_name_never_reaches_the_public_even_with_consent() {
    // The failure of issue #12: an anonymous "full" consent with "minor": true was published.
    String flagged = publicReport("Кира Малолеткина", null, "self", "full", true);
    String byYear = publicReport("Тихон Юнцов", 2004, "self", "full", false);
    String adult = publicReport("Роза Взрослова", 1990, "self", "full", false);
    for (String report : new String[] {flagged, byYear, adult}) {
      String detention = detentionOf(report);
      confirm(detention);
      verify(personOf(detention), report, "full", "self");
    }
    String page = eventually(this::eventPage, p -> p.contains("Роза Взрослова"));
    assertThat(page).contains("Роза Взрослова").doesNotContain("Малолеткина", "Юнцов");
  }

  @Test
  void an_unverified_consent_publishes_nothing_and_a_verified_one_does() {
    String report = publicReport("Полина Согласная", 1988, "self", "full", false);
    String detention = detentionOf(report);
    confirm(detention);
    assertThat(eventually(this::eventPage, p -> p.contains("Москва"))).doesNotContain("Согласная");
    Response verified = verify(personOf(detention), report, "initials", "self");
    assertThat(verified.json().get("verified").asBoolean()).isTrue();
    assertThat(eventually(this::eventPage, p -> p.contains("П. С."))).contains("П. С.");
    assertThat(eventPage()).doesNotContain("Согласная");
  }

  @Test
  void the_detainees_own_later_word_takes_the_name_off_at_once() {
    // A relative's consent, verified, puts the name out.
    String relative = operatorReport("Марк Отказов", "relative", "full");
    String detention = detentionOf(relative);
    confirm(detention);
    String person = personOf(detention);
    verify(person, relative, "full", "representative");
    eventually(this::eventPage, p -> p.contains("Марк Отказов"));
    JsonNode shown = server.get("/api/persons/" + person, COORDINATOR).json();
    assertThat(shown.get("published_consent").asText()).isEqualTo("full");

    // The detainee calls later: do not publish my name. No verification is needed to narrow.
    String own = operatorReport("Марк Отказов", "self", "none");
    assertThat(personOf(detentionOf(own))).as("linked to the same person").isEqualTo(person);
    String page = eventually(this::eventPage, p -> !p.contains("Отказов"));
    assertThat(page).doesNotContain("Отказов");
    assertThat(
            server
                .get("/api/persons/" + person, COORDINATOR)
                .json()
                .get("published_consent")
                .asText())
        .isEqualTo("none");
  }

  @Test
  void only_coordinators_verify_and_the_report_must_be_about_the_person() {
    String report = operatorReport("Нина Проверкина", "self", "full");
    String person = personOf(detentionOf(report));
    Response byOperator =
        server.post(
            "/api/persons/" + person + "/consent",
            "{\"consent\": \"full\", \"given_by\": \"self\"}",
            OPERATOR);
    assertThat(byOperator.status()).isEqualTo(403);
    String other = operatorReport("Олег Посторонний", "self", "full");
    Response wrong =
        server.post(
            "/api/persons/" + person + "/consent",
            "{\"consent\": \"full\", \"given_by\": \"self\", \"report\": \"" + other + "\"}",
            COORDINATOR);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("\"report\"");
  }

  private String eventPage() {
    Response page = server.get("/ru/events/" + event, null);
    assertThat(page.status()).isEqualTo(200);
    return page.body();
  }

  private String publicReport(
      String name, Integer birthYear, String source, String consent, boolean minor) {
    Response r =
        server.post(
            "/api/public/reports",
            """
            {"campaign": "%s", "name": "%s", %s "city": "Москва",
             "detained_at": "2021-01-23T14:05:00+03:00", "source": "%s", "consent": "%s",
             "minor": %s}"""
                .formatted(
                    campaign,
                    name,
                    birthYear == null ? "" : "\"birth_year\": " + birthYear + ",",
                    source,
                    consent,
                    minor),
            null);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private String operatorReport(String name, String source, String consent) {
    Response r =
        server.post(
            "/api/reports",
            """
            {"campaign": "%s", "name": "%s", "birth_year": 1985, "city": "Москва",
             "detained_at": "2021-01-23T14:05:00+03:00", "police_station": "ОВД Тверской",
             "source": "%s", "consent": "%s"}"""
                .formatted(campaign, name, source, consent),
            OPERATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private Response verify(String person, String report, String consent, String givenBy) {
    Response r =
        server.post(
            "/api/persons/" + person + "/consent",
            """
            {"consent": "%s", "given_by": "%s", "report": "%s", "note": "перезвонили"}"""
                .formatted(consent, givenBy, report),
            COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  private void confirm(String detention) {
    assertThat(server.post("/api/detentions/" + detention + "/confirm", "", COORDINATOR).status())
        .isEqualTo(200);
  }

  private String detentionOf(String report) {
    for (JsonNode d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(report)) return d.get("id").asText();
    }
    throw new AssertionError("no detention of report " + report);
  }

  private String personOf(String detention) {
    return server
        .get("/api/detentions/" + detention, COORDINATOR)
        .json()
        .get("person")
        .get("id")
        .asText();
  }
}
