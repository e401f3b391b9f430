package org.vigil.media;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.security.Role;
import org.vigil.testing.Jpegs;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/** A photo's location and device metadata never reach the public: what is served is clean. */
class PhotoUploadTest {
  @TempDir Path dir;

  @Test
  void gps_exif_xmp_and_iptc_in_an_upload_are_absent_from_what_is_served() throws Exception {
    byte[] upload = Jpegs.tagged(Jpegs.photo(64, 48), 6);
    Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
    assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
        .isCloseTo(Jpegs.LATITUDE, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(new String(upload, ISO_8859_1)).contains(Jpegs.CANARIES);

    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      Response created =
          upload(
              server, upload, "Pushkin Square, 23 January", "Photographer / Agency", Role.EDITOR);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(created.json().get("caption").asText()).isEqualTo("Pushkin Square, 23 January");

      var served = server.send(server.request(created.json().get("url").asText(), null).build());
      assertThat(served.status()).isEqualTo(200);
      byte[] image = served.raw().body().getBytes(ISO_8859_1);
      byte[] bytes = servedBytes(server, created.json().get("url").asText());
      Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
      List<String> kinds = new ArrayList<>();
      for (Directory d : after.getDirectories()) kinds.add(d.getName());
      assertThat(kinds)
          .doesNotContain("GPS", "Exif IFD0", "Exif SubIFD", "XMP", "IPTC", "Photoshop");
      assertThat(new String(bytes, ISO_8859_1))
          .doesNotContain(Jpegs.CANARIES)
          .doesNotContain("Exif");

      BufferedImage shown = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(shown.getWidth()).as("EXIF orientation 6 applied: rotated upright").isEqualTo(48);
      assertThat(shown.getHeight()).isEqualTo(64);

      var gallery = server.get("/api/media", null).json().get("items");
      assertThat(gallery).hasSize(1);
      assertThat(gallery.get(0).get("credit").asText()).isEqualTo("Photographer / Agency");
    }
  }

  @Test
  void only_editors_upload_and_bad_uploads_are_named() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      byte[] jpeg = Jpegs.photo(8, 8);
      assertThat(upload(server, jpeg, "c", "k", Role.OPERATOR).status()).isEqualTo(403);
      Response notImage = upload(server, "not an image".getBytes(UTF_8), "c", "k", Role.EDITOR);
      assertThat(notImage.status()).isEqualTo(422);
      assertThat(notImage.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
      Response noCredit = upload(server, jpeg, "c", "", Role.EDITOR);
      assertThat(noCredit.status()).isEqualTo(422);
      assertThat(noCredit.body()).contains("credit");
      assertThat(server.get("/api/media", null).json().get("items")).isEmpty();
      assertThat(server.get("/media/nothing.jpg", null).status()).isEqualTo(404);
    }
  }

  private static Response upload(
      TestVigil server, byte[] image, String caption, String credit, Role role) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("caption", caption);
    fields.put("credit", credit);
    return server.uploadPhoto(image, fields, role);
  }

  private static byte[] servedBytes(TestVigil server, String url) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response =
        client.send(
            HttpRequest.newBuilder(java.net.URI.create(server.base() + url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    return response.body();
  }
}
