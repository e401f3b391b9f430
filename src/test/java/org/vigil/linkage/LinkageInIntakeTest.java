package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * Linkage as intake runs it: every report is linked on arrival, reviews are recorded and undone.
 */
class LinkageInIntakeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void reports_of_one_person_in_two_scripts_share_that_person_across_restarts(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      String first;
      String second;
      try (TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
        first = submit(server, "Алексей Навальный", 1976, "Москва");
        second = submit(server, "Alexey Navalny", 1976, "Moscow");
        assertThat(personOf(server, second)).isEqualTo(personOf(server, first));
        assertThat(kinds(server, first)).containsExactly("NEW_PERSON");
        JsonNode matched = server.get("/api/reports/" + second + "/decisions", COORDINATOR).json();
        assertThat(matched.get("items").get(0).get("kind").asText()).isEqualTo("MATCHED");
        assertThat(matched.get("items").get(0).get("score").asDouble()).isGreaterThan(15);
      }
      try (TestVigil restarted = TestVigil.start(db, dir.resolve("keyset.json"))) {
        String third = submit(restarted, "NAVALNYY ALEKSEI", 1976, "Москва");
        assertThat(personOf(restarted, third)).isEqualTo(personOf(restarted, first));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_grey_zone_report_waits_for_a_coordinator_whose_verdicts_are_kept_and_reversible(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String known = submit(server, "Пётр Сидоров", 1990, "Казань");
      String doubtful =
          server
              .post("/api/reports", "{\"name\": \"Петр Сидоров\", \"birth_year\": 1991}", OPERATOR)
              .json()
              .get("id")
              .asText();
      String knownPerson = personOf(server, known);
      String provisional = personOf(server, doubtful);
      assertThat(provisional).isNotEqualTo(knownPerson);

      JsonNode queue = server.get("/api/review", COORDINATOR).json().get("items");
      assertThat(queue).hasSize(1);
      JsonNode item = queue.get(0);
      assertThat(item.get("report_id").asText()).isEqualTo(doubtful);
      assertThat(item.get("report").get("name").asText()).isEqualTo("Петр Сидоров");
      assertThat(item.get("provisional_person_id").asText()).isEqualTo(provisional);
      assertThat(item.get("candidates").get(0).get("person").get("name").asText())
          .isEqualTo("Пётр Сидоров");
      assertThat(server.get("/api/review", OPERATOR).status()).isEqualTo(403);
      // a page is what a person decides before reading the head again: five console pages at most
      assertThat(server.get("/api/review?limit=100", COORDINATOR).json().get("items")).hasSize(1);
      var tooMany = server.get("/api/review?limit=101", COORDINATOR);
      assertThat(tooMany.status()).isEqualTo(422);
      assertThat(tooMany.body()).contains("from 1 to 100");

      var confirm =
          server.post(
              "/api/reports/" + doubtful + "/person",
              "{\"person\": \"" + knownPerson + "\"}",
              COORDINATOR);
      assertThat(confirm.status()).as(confirm.toString()).isEqualTo(201);
      assertThat(confirm.json().get("previous_person_id").asText()).isEqualTo(provisional);
      assertThat(personOf(server, doubtful)).isEqualTo(knownPerson);
      assertThat(server.get("/api/review", COORDINATOR).json().get("items")).isEmpty();

      server.post(
          "/api/reports/" + doubtful + "/person",
          "{\"person\": \"" + provisional + "\"}",
          COORDINATOR);
      assertThat(personOf(server, doubtful)).as("undone").isEqualTo(provisional);

      var split =
          server.post("/api/reports/" + doubtful + "/person", "{\"person\": null}", COORDINATOR);
      String own = split.json().get("person_id").asText();
      assertThat(own).isNotIn(knownPerson, provisional);
      JsonNode detention = detentionOf(server, doubtful);
      assertThat(detention.get("person").get("name").asText()).isEqualTo("Петр Сидоров");
      assertThat(detention.get("person").get("birth_year").asInt()).isEqualTo(1991);
      assertThat(kinds(server, doubtful))
          .containsExactly("NEEDS_REVIEW", "REVIEWED", "REVIEWED", "REVIEWED");

      assertThat(
              server
                  .post(
                      "/api/reports/" + doubtful + "/person",
                      "{\"person\": \"nobody\"}",
                      COORDINATOR)
                  .status())
          .isEqualTo(422);
      assertThat(server.post("/api/reports/" + doubtful + "/person", "{}", COORDINATOR).status())
          .isEqualTo(422);
      assertThat(
              server
                  .post("/api/reports/missing/person", "{\"person\": null}", COORDINATOR)
                  .status())
          .isEqualTo(404);
      assertThat(
              server
                  .post("/api/reports/" + doubtful + "/person", "{\"person\": null}", OPERATOR)
                  .status())
          .isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_coordinator_merges_two_persons_and_can_undo_each_move(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String a = submit(server, "Мария Кузнецова", 1985, "Омск");
      String b = submit(server, "Мария Иванова", 1985, "Омск");
      String c = submit(server, "Maria Ivanova", 1985, "Omsk");
      String kuznetsova = personOf(server, a);
      String ivanova = personOf(server, b);
      assertThat(personOf(server, c)).isEqualTo(ivanova);
      assertThat(ivanova).isNotEqualTo(kuznetsova);

      var merged =
          server.post(
              "/api/persons/" + ivanova + "/merge",
              "{\"into\": \"" + kuznetsova + "\"}",
              COORDINATOR);
      assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
      assertThat(merged.json().get("items")).hasSize(2);
      assertThat(List.of(personOf(server, a), personOf(server, b), personOf(server, c)))
          .containsOnly(kuznetsova);

      server.post(
          "/api/reports/" + c + "/person", "{\"person\": \"" + ivanova + "\"}", COORDINATOR);
      assertThat(personOf(server, c)).isEqualTo(ivanova);
      assertThat(personOf(server, b)).isEqualTo(kuznetsova);
      assertThat(
              server
                  .post(
                      "/api/persons/" + ivanova + "/merge",
                      "{\"into\": \"" + ivanova + "\"}",
                      COORDINATOR)
                  .status())
          .isEqualTo(422);
    }
  }

  private static String submit(TestVigil server, String name, int birthYear, String city) {
    String body =
        "{\"name\": \"%s\", \"birth_year\": %d, \"city\": \"%s\", \"detained_at\": \"2021-01-23T14:05:00+03:00\"}"
            .formatted(name, birthYear, city);
    var response = server.post("/api/reports", body, OPERATOR);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static JsonNode detentionOf(TestVigil server, String reportId) {
    for (JsonNode d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
      if (d.get("report_id").asText().equals(reportId)) return d;
    }
    throw new AssertionError("no detention for report " + reportId);
  }

  private static String personOf(TestVigil server, String reportId) {
    return detentionOf(server, reportId).get("person").get("id").asText();
  }

  private static List<String> kinds(TestVigil server, String reportId) {
    List<String> kinds = new ArrayList<>();
    server
        .get("/api/reports/" + reportId + "/decisions", COORDINATOR)
        .json()
        .get("items")
        .forEach(d -> kinds.add(d.get("kind").asText()));
    return kinds;
  }
}
