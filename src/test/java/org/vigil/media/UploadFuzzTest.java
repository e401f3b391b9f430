package org.vigil.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.vigil.security.Role;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The photo upload, for any bytes, in two targets:
 *
 * <ul>
 *   <li>{@link #multipart_body}: the bytes as the body of {@code POST /api/media} (multipart with a
 *       fixed boundary, an editor's token) sent to one real Vigil server that lives as long as the
 *       test JVM, so that Jetty's own parsing (parts, headers, the {@code _charset_} part and each
 *       part's charset), Javalin's form reading, {@code MediaRoutes}, the {@link Sanitiser} and
 *       Vigil's mapping of exceptions to statuses all run as in production. The answer must be 201
 *       or a 4xx, never a 5xx.
 *   <li>{@link #photo_bytes}: the bytes as an uploaded file, straight into {@link Sanitiser#clean}:
 *       a clean JPEG (no EXIF, XMP or other metadata segment) or an IllegalArgumentException, which
 *       the route answers with 422. Cheaper per input, so most of the image decoders' cases are
 *       fuzzed here.
 * </ul>
 *
 * A server per input would cost a second each; one server over a keep-alive connection costs a
 * request's round trip on the loopback. Driving Jetty's {@code MultiPartFormInputStream} directly
 * would skip the charset handling Jetty's {@code Request} adds and Vigil's own exception mapping.
 */
class UploadFuzzTest {
  static final String BOUNDARY = "vigil-fuzz-boundary";
  private static Server server;

  @FuzzTest
  void multipart_body(byte[] body) throws Exception {
    Server s = server();
    HttpResponse<String> response =
        s.http.send(
            HttpRequest.newBuilder(URI.create(s.vigil.base() + "/api/media"))
                .header("Authorization", "Bearer " + s.editor)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode())
        .as(response.body())
        .satisfiesAnyOf(
            status -> assertThat(status).isEqualTo(201),
            status -> assertThat(status).isBetween(400, 499));
  }

  @FuzzTest
  void photo_bytes(byte[] upload) throws IOException {
    Sanitiser.Clean clean;
    try {
      clean = Sanitiser.clean(upload);
    } catch (IllegalArgumentException unreadable) {
      assertThat(unreadable.getMessage()).isNotBlank();
      return;
    }
    byte[] jpeg = clean.jpeg();
    assertThat(clean.width()).isPositive();
    assertThat(clean.height()).isPositive();
    assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
    assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
    assertThat(segments(jpeg)).doesNotContain(0xe1, 0xed, 0xfe); // APP1 (EXIF/XMP), APP13, COM
  }

  /** The markers of a JPEG's segments up to the image data. */
  private static List<Integer> segments(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
      int marker = jpeg[at + 1] & 0xff;
      markers.add(marker);
      if (marker == 0xda) break; // start of scan: the pixels follow
      at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
    }
    return markers;
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.vigil.close();
      server.db.close();
      server = null;
    }
  }

  private static synchronized Server server() throws IOException {
    if (server == null) {
      Path dir = Files.createTempDirectory("vigil-upload-fuzz");
      TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir.resolve("data"));
      TestVigil vigil = TestVigil.start(db, dir.resolve("keyset.json"));
      int port = vigil.vigil().port();
      // Jazzer's SSRF detector refuses every connection made while fuzzing but those to this
      // server.
      BugDetectors.allowNetworkConnections((host, p) -> p == port);
      server = new Server(db, vigil, vigil.token(Role.EDITOR), HttpClient.newHttpClient());
    }
    return server;
  }

  private record Server(TestDatabase db, TestVigil vigil, String editor, HttpClient http) {}
}
