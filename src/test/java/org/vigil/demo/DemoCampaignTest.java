package org.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** The demo tells 23 January 2021 as the news report in shared/data does. */
class DemoCampaignTest {
  @TempDir Path dir;

  @Test
  void the_demo_holds_the_day_as_reported_and_loads_once() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String token = DemoCampaign.load(server.vigil());
      String again = DemoCampaign.load(server.vigil());
      assertThat(again).isNotEqualTo(token);

      JsonNode campaigns = server.get("/api/campaigns", null).json().get("items");
      assertThat(campaigns).hasSize(1);
      String campaign = campaigns.get(0).get("id").asText();
      assertThat(campaigns.get(0).get("starts_on").asText()).isEqualTo("2021-01-23");

      Map<String, JsonNode> events = new HashMap<>();
      server
          .get("/api/events?campaign=" + campaign, null)
          .json()
          .get("items")
          .forEach(e -> events.put(e.get("city").asText(), e));
      assertThat(events.keySet())
          .containsExactlyInAnyOrder(
              "Москва",
              "Санкт-Петербург",
              "Екатеринбург",
              "Казань",
              "Омск",
              "Якутск",
              "Южно-Сахалинск");
      assertThat(events.get("Москва").get("venue").asText()).isEqualTo("Пушкинская площадь");
      assertThat(events.get("Якутск").get("temperature_c").asDouble()).isEqualTo(-50.0);

      JsonNode moscow =
          server.get("/api/events/" + events.get("Москва").get("id").asText(), null).json();
      assertThat(moscow.get("claims").get(0).get("value").asLong()).isEqualTo(15000);
      JsonNode national = server.get("/api/claims?campaign=" + campaign, null).json().get("items");
      assertThat(national)
          .extracting(c -> c.get("value").asLong())
          .containsExactlyInAnyOrder(3000L, 60L);

      var detentions =
          server.send(
              server
                  .request("/api/detentions?limit=1000", null)
                  .header("Authorization", "Bearer " + again)
                  .build());
      assertThat(detentions.status()).isEqualTo(200);
      assertThat(detentions.json().get("items")).hasSize(86);
      detentions.json().get("items").forEach(d -> assertThat(d.get("event_id").isNull()).isFalse());

      // The public count shows both kinds: the coordinator's reports confirmed, the operator's not.
      JsonNode total =
          PublicFixture.eventually(
                  () -> server.get("/api/public/tally?campaign=" + campaign, null).json(),
                  t -> t.get("total").get("confirmed").asLong() > 0)
              .get("total");
      assertThat(total.get("cities").asLong()).isEqualTo(7);
      assertThat(total.get("confirmed").asLong()).isPositive();
      assertThat(total.get("unconfirmed").asLong()).isPositive();
      assertThat(server.get("/api/updates?campaign=" + campaign, null).json().get("items"))
          .extracting(u -> u.get("language").asText())
          .containsExactlyInAnyOrder("ru", "en", "ru", "en");
    }
  }
}
