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
