package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.tally.PublicTallies;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** What a reader's browser is sent for the pages, outside what the browser test drives. */
class PagesTest {
  @TempDir Path dir;

  @Test
  void a_stale_link_gets_a_page_in_the_readers_language_not_a_problem_document() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      var ru = server.get("/ru/events/no-such-event", null);
      assertThat(ru.status()).isEqualTo(404);
      assertThat(ru.header("Content-Type")).startsWith("text/html");
      assertThat(ru.body()).contains("<html lang=\"ru\">", "Такой страницы нет", "href=\"/ru/\"");
      assertThat(ru.header("Content-Security-Policy")).contains("default-src 'none'");
      var en = server.get("/en/events/no-such-event", null);
      assertThat(en.body()).contains("<html lang=\"en\">", "No such page");
    }
  }

  @Test
  void pages_allow_nothing_but_vigil_itself_and_only_the_widget_may_be_framed() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      var home = server.get("/en/", null);
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.header("Content-Security-Policy"))
          .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
      assertThat(home.body()).doesNotContain("http://", "https://");
      assertThat(server.get("/ru/widget", null).header("Content-Security-Policy"))
          .contains("frame-ancestors *");
    }
  }

  /**
   * Issue 13: with a million detainees a recount takes seconds; a reader is served the page of the
   * last count meanwhile, and the page shows the new count once the one recount is done.
   */
  @Test
  void a_page_answers_from_the_last_count_while_a_recount_runs() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      PublicFixture f = new PublicFixture(server);
      String campaign = f.campaign("Акция", "2021-01-23");
      f.event(campaign, "2021-01-23", "Казань", 55.79, 49.12);
      assertThat(server.get("/ru/", null).body()).contains("data-count=\"confirmed\">0<");

      PublicTallies tallies = server.vigil().publicTallies();
      // A recount holds the tallies' lock from start to end: holding it here is a recount that
      // does not end until this block does.
      synchronized (tallies) {
        f.report(
            COORDINATOR,
            campaign,
            "Ильдар Гайнутдинов",
            "Казань",
            "2021-01-23T14:00:00+03:00",
            null,
            "none");
        for (String page : new String[] {"/ru/", "/en/map", "/en/widget"}) {
          long start = System.nanoTime();
          // Bounded, so that a page waiting for the recount fails the test instead of hanging it.
          var answer =
              server.send(server.request(page, null).timeout(Duration.ofSeconds(5)).build());
          long millis = (System.nanoTime() - start) / 1_000_000;
          assertThat(answer.status()).as(page).isEqualTo(200);
          assertThat(millis).as(page + " answered while the recount runs, ms").isLessThan(2_000);
        }
        assertThat(server.get("/ru/", null).body()).contains("data-count=\"confirmed\">0<");
      }
      assertThat(
              PublicFixture.eventually(
                  () -> server.get("/ru/", null).body(),
                  body -> body.contains("data-count=\"confirmed\">1<")))
          .as("the page once the recount is done")
          .contains("data-count=\"confirmed\">1<");
    }
  }
}
