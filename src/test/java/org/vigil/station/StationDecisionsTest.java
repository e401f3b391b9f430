package org.vigil.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.SharedData;
import org.vigil.testing.Imports;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * A coordinator merges and splits imported police stations; tallies follow at once, the raw text of
 * every mention stays, and importing the table again keeps the coordinator's decisions.
 */
class StationDecisionsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void merges_and_splits_move_the_counts_and_survive_a_reimport(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Imports.ovdinfo(
          db.url(),
          SharedData.detentions2013(),
          "--stations",
          SharedData.stations2013().toString());
      try (TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
        Map<String, Long> before = byStation(server);
        String meshchansky = stationId(server, "ОВД Мещанский");
        String sokolniki = stationId(server, "ОВД Сокольники");
        assertThat(before).containsEntry("ОВД Мещанский", 88L).containsEntry("ОВД Сокольники", 21L);

        assertThat(
                server
                    .post(
                        "/api/police-stations/" + sokolniki + "/merge",
                        "{\"into\": \"" + meshchansky + "\"}",
                        OPERATOR)
                    .status())
            .isEqualTo(403);
        var merged =
            server.post(
                "/api/police-stations/" + sokolniki + "/merge",
                "{\"into\": \"" + meshchansky + "\"}",
                COORDINATOR);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(byStation(server))
            .containsEntry("ОВД Мещанский", 109L)
            .doesNotContainKey("ОВД Сокольники");

        String presnensky = stationId(server, "ОВД Пресненский");
        JsonNode station = server.get("/api/police-stations/" + presnensky, null).json();
        assertThat(station.get("variants").toString()).contains("овд пресненсикй");
        long presnenskyBefore = before.get("ОВД Пресненский");
        var split =
            server.post(
                "/api/police-stations/" + presnensky + "/split",
                "{\"name\": \"ОВД Пресненсикй (to check)\", \"variants\": [\"ОВД Пресненсикй\"]}",
                COORDINATOR);
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        Map<String, Long> afterSplit = byStation(server);
        long splitOff = afterSplit.get("ОВД Пресненсикй (to check)");
        assertThat(splitOff).isPositive();
        assertThat(afterSplit.get("ОВД Пресненский") + splitOff).isEqualTo(presnenskyBefore);
        assertThat(
                server
                    .post(
                        "/api/police-stations/" + presnensky + "/split",
                        "{\"name\": \"x\", \"variants\": [\"ОВД Тверской\"]}",
                        COORDINATOR)
                    .status())
            .isEqualTo(422);

        Map<String, Long> decided = byStation(server);
        Imports.ovdinfo(
            db.url(),
            SharedData.detentions2013(),
            "--stations",
            SharedData.stations2013().toString());
        assertThat(byStation(server)).as("a re-import keeps the decisions").isEqualTo(decided);
        int raw =
            server
                .vigil()
                .database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM event_station_mentions WHERE raw_text = 'ОВД Пресненсикй'")
                            .mapTo(Integer.class)
                            .one());
        assertThat(raw).as("raw text kept").isPositive();
      }
    }
  }

  /**
   * The failure of issue #12: merging A into B and then B into A made both vanish from the
   * directory and the export, with no undo. Merges now refuse cycles, and each can be undone,
   * moving back exactly what it moved, also after a later merge and a re-import.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void merges_refuse_cycles_and_are_undone_exactly(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Imports.ovdinfo(
          db.url(),
          SharedData.detentions2013(),
          "--stations",
          SharedData.stations2013().toString());
      try (TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
        Map<String, Long> before = byStation(server);
        String a = stationId(server, "ОВД Сокольники");
        String b = stationId(server, "ОВД Мещанский");
        String c = stationId(server, "ОВД Тверской");
        int listed = server.get("/api/police-stations", null).json().get("items").size();
        assertThat(merge(server, a, b).status()).isEqualTo(200);

        var back = merge(server, b, a);
        assertThat(back.status()).as("B into A, which is merged into B").isEqualTo(422);
        assertThat(back.body()).contains("\"into\"", "merged into " + b);
        assertThat(merge(server, a, c).status()).as("A is merged already").isEqualTo(422);
        assertThat(server.get("/api/police-stations", null).json().get("items"))
            .hasSize(listed - 1);
        assertThat(server.get("/api/public/export.csv?table=police_stations", null).body())
            .contains("ОВД Мещанский");

        // B goes on into C; undoing A's merge takes A's rows back from C.
        assertThat(merge(server, b, c).status()).isEqualTo(200);
        var undone = server.post("/api/police-stations/" + a + "/unmerge", "", COORDINATOR);
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.json().get("merged_into").isNull()).isTrue();
        assertThat(byStation(server))
            .containsEntry("ОВД Сокольники", before.get("ОВД Сокольники"))
            .containsEntry(
                "ОВД Тверской", before.get("ОВД Тверской") + before.get("ОВД Мещанский"));
        assertThat(server.post("/api/police-stations/" + a + "/unmerge", "", COORDINATOR).status())
            .isEqualTo(409);
        assertThat(server.post("/api/police-stations/" + b + "/unmerge", "", COORDINATOR).status())
            .isEqualTo(200);
        assertThat(byStation(server)).isEqualTo(before);
        assertThat(server.get("/api/police-stations", null).json().get("items")).hasSize(listed);

        Imports.ovdinfo(
            db.url(),
            SharedData.detentions2013(),
            "--stations",
            SharedData.stations2013().toString());
        assertThat(byStation(server)).as("a re-import after the undo").isEqualTo(before);
      }
    }
  }

  private static TestVigil.Response merge(TestVigil server, String station, String into) {
    return server.post(
        "/api/police-stations/" + station + "/merge", "{\"into\": \"" + into + "\"}", COORDINATOR);
  }

  private static Map<String, Long> byStation(TestVigil server) {
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode g :
        server.get("/api/tally?by=police_station&region=Москва", null).json().get("groups")) {
      counts.merge(g.get("police_station").asText(), g.get("detentions").asLong(), Long::sum);
    }
    return counts;
  }

  private static String stationId(TestVigil server, String name) {
    for (JsonNode s : server.get("/api/police-stations?city=Москва", null).json().get("items")) {
      if (s.get("name").asText().equals(name)) return s.get("id").asText();
    }
    throw new AssertionError("no station " + name);
  }
}
