package org.vigil.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.EDITOR;
import static org.vigil.security.Role.OPERATOR;

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

/** An editor takes a photo back: it leaves the gallery, the event page and its own address. */
class UnpublishPhotoTest {
  @TempDir Path dir;

  @Test
  void an_unpublished_photo_is_served_nowhere_and_kept_on_record() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture f = new PublicFixture(server);
      String campaign = f.campaign("23 January 2021", "2021-01-23");
      String event = f.event(campaign, "2021-01-23", "Москва", 55.7656, 37.6055);
      Response photo =
          server.uploadPhoto(
              jpeg(), Map.of("caption", "Лица видны", "credit", "B", "event", event), EDITOR);
      assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
      String id = photo.json().get("id").asText();
      String url = photo.json().get("url").asText();
      assertThat(server.get("/en/events/" + event, null).body()).contains(url);
      assertThat(server.get(url, null).status()).isEqualTo(200);

      String path = "/api/media/" + id + "/unpublish";
      assertThat(server.post(path, "{\"reason\": \"x\"}", OPERATOR).status()).isEqualTo(403);
      assertThat(server.post(path, "{}", EDITOR).status()).isEqualTo(422);
      Response taken = server.post(path, "{\"reason\": \"на фото узнаваемы задержанные\"}", EDITOR);
      assertThat(taken.status()).as(taken.toString()).isEqualTo(200);

      assertThat(server.get(url, null).status()).isEqualTo(404);
      assertThat(server.get("/api/media", null).json().get("items")).isEmpty();
      assertThat(
              PublicFixture.eventually(
                  () -> server.get("/en/events/" + event, null).body(), b -> !b.contains(url)))
          .doesNotContain(url);
      assertThat(server.get("/en/gallery", null).body()).doesNotContain(url);
      assertThat(server.post(path, "{\"reason\": \"again\"}", EDITOR).status()).isEqualTo(404);
      int kept =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT COUNT(*) FROM media_items WHERE id = :id"
                                  + " AND unpublished_by IS NOT NULL AND unpublish_reason_enc IS NOT NULL")
                          .bind("id", id)
                          .mapTo(Integer.class)
                          .one());
      assertThat(kept).isEqualTo(1);
    }
  }

  private static byte[] jpeg() throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
