package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
