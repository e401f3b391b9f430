package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.SseStream;
import org.vigil.testing.SseStream.Event;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** The live stream over a real connection: pushes within a second, and resumes without loss. */
class LiveStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void a_new_detention_moves_the_count_within_a_second() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture f = new PublicFixture(server);
      String campaign = f.campaign("Акция", "2021-01-23");
      f.event(campaign, "2021-01-23", "Казань", 55.79, 49.12);
      try (SseStream stream =
          SseStream.open(server.base() + "/api/public/live?campaign=" + campaign, null)) {
        JsonNode first = data(stream.next("count", WAIT));
        assertThat(first.get("total").get("confirmed").asLong()).isZero();

        f.report(
            COORDINATOR,
            campaign,
            "Ильдар Гайнутдинов",
            "Казань",
            "2021-01-23T14:00:00+03:00",
            null,
            "none");
        long acknowledged = System.nanoTime();
        JsonNode data = data(stream.next("count", WAIT));
        while (data.get("total").get("confirmed").asLong() == 0) {
          data = data(stream.next("count", WAIT)); // a push that crossed the report
        }
        long millis = Duration.ofNanos(System.nanoTime() - acknowledged).toMillis();

        assertThat(data.get("total").get("confirmed").asLong()).isEqualTo(1);
        assertThat(data.get("total").get("unconfirmed").asLong()).isZero();
        assertThat(data.get("cities").get(0).get("label").asText()).isEqualTo("Казань");
        assertThat(data.get("cities").get(0).get("label_en").asText()).isEqualTo("Kazan");
        assertThat(data.get("hours").get(0).get("key").asText()).isEqualTo("2021-01-23T11:00:00Z");
        assertThat(data.get("summary").get("ru").asText()).contains("1 человека", "1 городе");
        assertThat(millis).as("push after the report was acknowledged, ms").isLessThan(1000);
      }
    }
  }

  @Test
  void a_reconnecting_reader_is_sent_every_update_it_missed_then_the_count() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String campaign = new PublicFixture(server).campaign("Акция", "2021-01-23");
      String url = server.base() + "/api/public/live?campaign=" + campaign;
      publish(server, campaign, "before anyone listened");
      String lastSeen;
      try (SseStream stream = SseStream.open(url, null)) {
        Event count = stream.next("count", WAIT);
        lastSeen = count.id();
        publish(server, campaign, "while connected");
        Event live = stream.next("update", WAIT);
        assertThat(data(live).get("text").asText()).isEqualTo("while connected");
        lastSeen = live.id();
      }
      publish(server, campaign, "missed one");
      publish(server, campaign, "missed two");

      try (SseStream resumed = SseStream.open(url, lastSeen)) {
        Event first = resumed.next(WAIT);
        Event second = resumed.next(WAIT);
        Event third = resumed.next(WAIT);
        assertThat(first.type()).isEqualTo("update");
        assertThat(data(first).get("text").asText()).isEqualTo("missed one");
        assertThat(data(second).get("text").asText()).isEqualTo("missed two");
        assertThat(third.type()).isEqualTo("count");
        assertThat(third.id()).isEqualTo(second.id());
      }
      try (SseStream fresh = SseStream.open(url, null)) {
        assertThat(fresh.next(WAIT).type()).as("a new reader gets no replay").isEqualTo("count");
      }
    }
  }

  @Test
  void a_plain_request_is_told_what_the_stream_is() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      var r = server.get("/api/public/live", null);
      assertThat(r.status()).isEqualTo(406);
      assertThat(r.body()).contains("text/event-stream");
    }
  }

  private static void publish(TestVigil server, String campaign, String text) {
    var r =
        server.post(
            "/api/updates",
            "{\"campaign\": \"%s\", \"language\": \"en\", \"text\": \"%s\"}"
                .formatted(campaign, text),
            EDITOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  /**
   * Issue #12: the pages are never staler than the stream. Once the stream has sent a figure, a
   * reader without JavaScript who loads the page gets that figure, dated in Moscow time.
   */
  @Test
  void a_page_loaded_after_the_stream_moved_shows_what_the_stream_sent() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture f = new PublicFixture(server);
      String campaign = f.campaign("Акция", "2021-01-23");
      f.event(campaign, "2021-01-23", "Казань", 55.79, 49.12);
      for (String page : new String[] {"/ru/", "/en/widget"}) {
        assertThat(server.get(page, null).body()).contains("data-count=\"confirmed\">0<");
      }
      try (SseStream stream =
          SseStream.open(server.base() + "/api/public/live?campaign=" + campaign, null)) {
        data(stream.next("count", WAIT));
        f.report(
            COORDINATOR,
            campaign,
            "Ильдар Гайнутдинов",
            "Казань",
            "2021-01-23T14:00:00+03:00",
            null,
            "none");
        JsonNode pushed = data(stream.next("count", WAIT));
        while (pushed.get("total").get("confirmed").asLong() == 0) {
          pushed = data(stream.next("count", WAIT));
        }
        String home = server.get("/ru/", null).body();
        assertThat(home).contains("data-count=\"confirmed\">1<");
        assertThat(server.get("/en/widget", null).body()).contains("data-count=\"confirmed\">1<");
        assertThat(home)
            .containsPattern(
                "Данные на <time id=\"counted-at\" datetime=\"[^\"]+\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d</time> мск \\(UTC\\+3\\)");
      }
    }
  }

  private static JsonNode data(Event event) throws Exception {
    assertThat(event).as("an event within " + WAIT).isNotNull();
    return JSON.readTree(event.data());
  }
}
