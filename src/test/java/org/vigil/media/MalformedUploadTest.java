package org.vigil.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vigil.security.Role;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * Broken and oversized uploads, sent through a real server, get 400 or 413 as problem documents,
 * never a 500, and leave no error or stack trace in the log (they once did both).
 */
class MalformedUploadTest {
  private static final String TYPE = "multipart/form-data; boundary=vigil-boundary";
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void listen() {
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    root.detachAppender(log);
  }

  @Test
  void malformed_multipart_bodies_get_400_problems() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String caption = part("caption", "Pushkin Square") + part("credit", "Photographer");
      String file =
          "--vigil-boundary\r\nContent-Disposition: form-data; name=\"file\";"
              + " filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff";
      assertBadRequest(server, TYPE, caption.replace("vigil-boundary", "other") + "--other--\r\n");
      assertBadRequest(server, "multipart/form-data", caption + "--vigil-boundary--\r\n");
      assertBadRequest(server, TYPE, caption + file); // truncated: no closing delimiter
      assertBadRequest(server, TYPE, caption + file.substring(0, 40));
      assertBadRequest(server, TYPE, "--vigil-boundary--\r\n"); // no parts
      assertBadRequest(server, TYPE, ""); // no body at all
      assertBadRequest(
          server,
          TYPE,
          "--vigil-boundary\r\nContent-Disposition: form-data; filename=\"photo.jpg\"\r\n\r\nx\r\n"
              + "--vigil-boundary--\r\n"); // a part without a name
      assertBadRequest(
          server,
          TYPE,
          "--vigil-boundary\r\nContent-Type: text/plain\r\n\r\nx\r\n--vigil-boundary--\r\n");
      assertBadRequest(server, TYPE, "--vigil-boundary\r\n" + "X".repeat(20_000) + "\r\n\r\n");
      assertNothingLogged();
    }
  }

  @Test
  void a_body_cut_off_by_the_client_gets_400() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String body = part("caption", "c") + part("credit", "k");
      try (Socket socket = new Socket("127.0.0.1", server.vigil().port())) {
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/media HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + server.token(Role.EDITOR)
                    + "\r\nContent-Type: "
                    + TYPE
                    + "\r\nContent-Length: 100000\r\n\r\n"
                    + body)
                .getBytes(UTF_8));
        out.flush();
        socket.shutdownOutput(); // the client goes away before the rest of its body
        String answer = new String(readAll(socket.getInputStream()), UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json");
      }
      assertNothingLogged();
    }
  }

  @Test
  void a_file_over_the_limit_gets_413() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      for (long size : new long[] {25 * MIB + 1, 26 * MIB + 1}) {
        Response r = server.uploadPhoto(new byte[(int) size], captions(), Role.EDITOR);
        assertProblem(r, 413, "Content too large");
      }
      // the request as a whole over 27 MiB, in two files of 14 MiB
      byte[] half = new byte[(int) (14 * MIB)];
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(part("caption", "c").getBytes(UTF_8));
      for (String name : new String[] {"file", "other"}) {
        body.writeBytes(
            ("--vigil-boundary\r\nContent-Disposition: form-data; name=\"%s\";"
                    + " filename=\"p.jpg\"\r\n\r\n")
                .formatted(name)
                .getBytes(UTF_8));
        body.writeBytes(half);
        body.writeBytes("\r\n".getBytes(UTF_8));
      }
      body.writeBytes("--vigil-boundary--\r\n".getBytes(UTF_8));
      assertProblem(
          server.uploadRaw(TYPE, body.toByteArray(), Role.EDITOR), 413, "Content too large");
      assertThat(server.get("/api/media", null).json().get("items")).isEmpty();
      assertNothingLogged();
    }
  }

  private static java.util.Map<String, String> captions() {
    return java.util.Map.of("caption", "Pushkin Square", "credit", "Photographer");
  }

  private static String part(String name, String value) {
    return "--vigil-boundary\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
        .formatted(name, value);
  }

  private static void assertBadRequest(TestVigil server, String type, String body) {
    Response r = server.uploadRaw(type, body.getBytes(UTF_8), Role.EDITOR);
    assertProblem(r, 400, "Bad request");
    assertThat(r.json().get("detail").asText()).as(r.toString()).contains("multipart");
  }

  private static void assertProblem(Response r, int status, String title) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("title").asText()).isEqualTo(title);
  }

  private void assertNothingLogged() {
    assertThat(
            log.list.stream()
                .filter(
                    e ->
                        e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .toList())
        .isEmpty();
  }

  private static byte[] readAll(InputStream in) throws java.io.IOException {
    byte[] bytes = in.readAllBytes();
    return Arrays.copyOf(bytes, bytes.length);
  }
}
