package org.vigil.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.security.Role;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** One address cannot flood the public form; operators are not limited by it. */
class PublicRateLimitTest {
  @TempDir Path dir;

  @Test
  void anonymous_reports_beyond_the_rate_get_429_with_retry_after() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"), 3)) {
      String report = "{\"name\": \"Анна Смирнова\", \"city\": \"Казань\"}";
      for (int i = 0; i < 3; i++) {
        assertThat(server.post("/api/public/reports", report, null).status()).isEqualTo(201);
      }
      var refused = server.post("/api/public/reports", report, null);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isEqualTo("20");
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(server.post("/api/reports", report, Role.OPERATOR).status()).isEqualTo(201);
      int stored =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
      assertThat(stored).isEqualTo(4);
    }
  }
}
