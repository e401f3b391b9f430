package org.vigil.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * What names no campaign goes to the current one (issue #12): a report to the campaign whose dates
 * contain it, else to the current campaign; a photo and a live update to the current campaign, so
 * that each shows up where the README says. An admin may mark which campaign is current.
 */
class CampaignDefaultsTest {
  @TempDir Path dir;

  @Test
  void reports_photos_and_updates_without_a_campaign_reach_the_current_one() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String june = campaign(server, "12 June 2020", "2020-06-12", "2020-06-12");
      String january = campaign(server, "23 January 2021", "2021-01-23", "2021-01-24");

      // The README's public report, with no campaign: the one whose dates contain it.
      assertThat(campaignOfReport(server, "\"detained_at\": \"2020-06-12T13:00:00+03:00\","))
          .isEqualTo(june);
      assertThat(campaignOfReport(server, "\"detained_at\": \"2021-01-23T14:05:00+03:00\","))
          .isEqualTo(january);
      // Without a time, or outside every campaign: the current one, the latest to have started.
      assertThat(campaignOfReport(server, "")).isEqualTo(january);

      Response update =
          server.post("/api/updates", "{\"language\": \"en\", \"text\": \"Live\"}", EDITOR);
      assertThat(update.json().get("campaign_id").asText()).isEqualTo(january);
      assertThat(server.get("/feed.atom?campaign=" + january, null).body()).contains("Live");
      assertThat(server.get("/en/", null).body()).contains("Live");

      Response photo = server.uploadPhoto(jpeg(), Map.of("caption", "A", "credit", "B"), EDITOR);
      assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
      assertThat(photo.json().get("campaign_id").asText()).isEqualTo(january);
      assertThat(server.get("/en/gallery", null).body()).contains(photo.json().get("url").asText());

      // An admin marks the older campaign current: the pages and what names none follow.
      String mark = "{\"campaign\": \"" + june + "\"}";
      assertThat(server.post("/api/campaigns/current", mark, COORDINATOR).status()).isEqualTo(403);
      Response marked = server.post("/api/campaigns/current", mark, ADMIN);
      assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
      assertThat(marked.json().get("id").asText()).isEqualTo(june);
      // The public figures take the current campaign as known for up to a second.
      assertThat(
              PublicFixture.eventually(
                  () ->
                      server
                          .get("/api/public/tally", null)
                          .json()
                          .get("campaign")
                          .get("id")
                          .asText(),
                  june::equals))
          .isEqualTo(june);
      assertThat(campaignOfReport(server, "")).isEqualTo(june);
      Response later =
          server.post("/api/updates", "{\"language\": \"en\", \"text\": \"Later\"}", EDITOR);
      assertThat(later.json().get("campaign_id").asText()).isEqualTo(june);
      assertThat(server.post("/api/campaigns/current", "{\"campaign\": \"nope\"}", ADMIN).status())
          .isEqualTo(422);

      assertThat(server.post("/api/campaigns/current", "{\"campaign\": null}", ADMIN).status())
          .isEqualTo(200);
      assertThat(campaignOfReport(server, "")).isEqualTo(january);
    }
  }

  private static String campaign(TestVigil server, String title, String starts, String ends) {
    Response r =
        server.post(
            "/api/campaigns",
            "{\"title\": \"%s\", \"starts_on\": \"%s\", \"ends_on\": \"%s\"}"
                .formatted(title, starts, ends),
            COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static String campaignOfReport(TestVigil server, String detainedAt) {
    Response r =
        server.post(
            "/api/public/reports",
            "{\"name\": \"Иван Петров\", %s \"city\": \"Москва\", \"source\": \"relative\"}"
                .formatted(detainedAt),
            null);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("id").asText();
    return server.get("/api/reports/" + id, COORDINATOR).json().get("campaign").asText();
  }

  private static byte[] jpeg() throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
