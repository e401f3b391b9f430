package org.vigil.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.http.Cidr;
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

  @Test
  void without_trusted_proxies_forwarded_addresses_share_the_peers_bucket() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"), 2)) {
      assertThat(submitFrom(server, "203.0.113.1")).isEqualTo(201);
      assertThat(submitFrom(server, "203.0.113.2")).isEqualTo(201);
      assertThat(submitFrom(server, "203.0.113.3")).isEqualTo(429);
    }
  }

  @Test
  void behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server =
            TestVigil.start(
                db, dir.resolve("keyset.json"), 2, List.of(Cidr.parse("127.0.0.1/32")))) {
      assertThat(submitFrom(server, "203.0.113.1")).isEqualTo(201);
      assertThat(submitFrom(server, "203.0.113.1")).isEqualTo(201);
      assertThat(submitFrom(server, "203.0.113.1")).isEqualTo(429);
      // the same reporter, whatever it writes in front of what the proxy appended
      assertThat(submitFrom(server, "198.51.100.9, 203.0.113.1")).isEqualTo(429);
      assertThat(submitFrom(server, "203.0.113.2")).isEqualTo(201);
      assertThat(submitFrom(server, "2001:db8::1")).isEqualTo(201);
      assertThat(submitFrom(server, "2001:db8::2")).as("the same /64").isEqualTo(201);
      assertThat(submitFrom(server, "2001:db8::3")).as("the same /64").isEqualTo(429);
      // the proxy itself, and a proxy that wrote no header
      assertThat(submitFrom(server, "unknown")).isEqualTo(201);
      assertThat(submitFrom(server, null)).isEqualTo(201);
      assertThat(submitFrom(server, null)).isEqualTo(429);
    }
  }

  @Test
  void a_forwarded_header_from_an_untrusted_peer_is_ignored() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server =
            TestVigil.start(db, dir.resolve("keyset.json"), 2, List.of(Cidr.parse("10.0.0.0/8")))) {
      assertThat(submitFrom(server, "203.0.113.1")).isEqualTo(201);
      assertThat(submitFrom(server, "203.0.113.2")).isEqualTo(201);
      assertThat(submitFrom(server, "203.0.113.3"))
          .as("spoofed: the peer is 127.0.0.1")
          .isEqualTo(429);
    }
  }

  /** A public report sent as from a proxy that forwards for {@code forwardedFor}. */
  private static int submitFrom(TestVigil server, String forwardedFor) {
    var request =
        server
            .request("/api/public/reports", null)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Анна Смирнова\"}"));
    if (forwardedFor != null) request.header("X-Forwarded-For", forwardedFor);
    return server.send(request.build()).status();
  }
}
