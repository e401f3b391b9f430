package org.vigil.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * A canary name, contact, birth date and free text go in through the API, come back out to a
 * coordinator, and appear nowhere in what a seized disk holds: not in the SQLite file or its WAL,
 * not in a pg_dump of the PostgreSQL database.
 */
class EncryptionAtRestTest {
  @TempDir Path dir;

  private final String canary = "Канарейкин" + UUID.randomUUID().toString().substring(0, 8);
  private final String contact = "canary-" + UUID.randomUUID() + "@example.org";
  private final String text = "свободный текст " + UUID.randomUUID();

  @Test
  void sqlite_file_and_wal_hold_no_personal_data() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir.resolve("data"));
        TestVigil server = TestVigil.start(db, dir.resolve("keys/keyset.json"))) {
      plantAndReadBack(server);
      List<Path> files;
      try (var list = Files.list(dir.resolve("data"))) {
        files = list.toList();
      }
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .contains("vigil.db", "vigil.db-wal");
      for (Path file : files)
        assertHoldsNoCanary(file.getFileName().toString(), Files.readAllBytes(file));
    }
  }

  @Test
  void pg_dump_holds_no_personal_data() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      plantAndReadBack(server);
      Process dump =
          new ProcessBuilder(db.pgDump()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      dump.getInputStream().transferTo(out);
      assertThat(dump.waitFor()).isZero();
      String sql = out.toString(UTF_8);
      assertThat(sql)
          .contains("CREATE TABLE " + db.schema() + ".reports")
          .contains("COPY " + db.schema() + ".persons");
      assertHoldsNoCanary("pg_dump", out.toByteArray());
    }
  }

  private void plantAndReadBack(TestVigil server) {
    String body =
        """
        {"name": "%s", "birth_year": 1987, "contact": "%s", "text": "%s", "city": "Москва"}"""
            .formatted(canary, contact, text);
    var created = server.post("/api/public/reports", body, null);
    assertThat(created.status()).isEqualTo(201);
    var report =
        server.get("/api/reports/" + created.json().get("id").asText(), Role.COORDINATOR).json();
    assertThat(report.get("name").asText()).isEqualTo(canary);
    assertThat(report.get("contact").asText()).isEqualTo(contact);
    assertThat(report.get("text").asText()).isEqualTo(text);
    var detentions = server.get("/api/detentions?limit=1000", Role.COORDINATOR).body();
    assertThat(detentions).contains(canary);
  }

  private void assertHoldsNoCanary(String what, byte[] bytes) {
    String asUtf8 = new String(bytes, UTF_8);
    assertThat(asUtf8).as(what).doesNotContain(canary).doesNotContain(contact).doesNotContain(text);
    // Also as UTF-16, in case some layer stored Java strings' raw form.
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_16LE))
        .as(what)
        .doesNotContain(canary);
  }
}
