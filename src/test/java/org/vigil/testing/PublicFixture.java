package org.vigil.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.vigil.security.Role;

/**
 * Campaigns, events and reports made through the HTTP API, as the public pages' tests need them.
 */
public final class PublicFixture {
  private final TestVigil server;

  public PublicFixture(TestVigil server) {
    this.server = server;
  }

  public String campaign(String title, String startsOn) {
    return created(
        server.post(
            "/api/campaigns",
            "{\"title\": \"%s\", \"starts_on\": \"%s\"}".formatted(title, startsOn),
            COORDINATOR));
  }

  public String event(String campaign, String day, String city, double lat, double lon) {
    return created(
        server.post(
            "/api/events",
            """
            {"campaign": "%s", "held_on": "%s", "city": "%s", "venue": "Центральная площадь",
             "latitude": %s, "longitude": %s}"""
                .formatted(campaign, day, city, lat, lon),
            COORDINATOR));
  }

  public String station(String name, String city, double lat, double lon) {
    return created(
        server.post(
            "/api/police-stations",
            "{\"name\": \"%s\", \"city\": \"%s\", \"latitude\": %s, \"longitude\": %s}"
                .formatted(name, city, lat, lon),
            COORDINATOR));
  }

  /** A report of a detention, typed by someone with {@code role}; returns the report's id. */
  public String report(
      Role role,
      String campaign,
      String name,
      String city,
      String detainedAt,
      String station,
      String consent) {
    return created(
        server.post(
            "/api/reports",
            """
            {"campaign": "%s", "name": "%s", "city": "%s", "detained_at": "%s",
             "police_station": %s, "source": "witness", "consent": "%s"}"""
                .formatted(
                    campaign,
                    name,
                    city,
                    detainedAt,
                    station == null ? "null" : "\"" + station + "\"",
                    consent),
            role));
  }

  private static String created(TestVigil.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /**
   * Waits until {@code read} gives a value {@code done} accepts, and returns it: public figures may
   * lag a write by one background recount by design, so tests wait for them rather than race them.
   */
  public static <T> T eventually(Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = read.get();
    }
    return value;
  }
}
