package org.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;
import static org.vigil.testing.PublicFixture.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.vigil.security.Role;
import org.vigil.testing.Browser;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The coordinator's triage and review in headless Chromium: a report sent through the API appears
 * in the open triage page without a reload, is confirmed there and moves the public count; one
 * another coordinator confirmed is marked live, and deciding it again says who was first; a review
 * decision is taken with one key. Every page is checked by axe-core and saved under {@code
 * target/screenshots/console/}.
 */
class TriageBrowserTest {
  private static final String PASSWORD = "long evening train to Tver 17";
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;

  @Test
  void a_coordinator_sees_a_report_arrive_confirms_it_and_decides_a_review_by_key()
      throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"));
        Browser browser = Browser.start(Browser.PHONE, "en")) {
      Data data = Data.of(server);
      signIn(server, browser);

      // the triage list, following the stream
      browser.open(server.base() + "/console/triage");
      assertThat(browser.findAll("nav a").stream().map(WebElement::getText).toList())
          .contains("Triage", "Review");
      browser.await(WAIT, d -> d.findElement(By.cssSelector("#triage[data-streaming=true]")));
      assertThat(browser.find("li[data-report='" + data.earlier + "']").getText())
          .contains("Инна Ранняя", "Москва", "hotline");
      browser.script("window.notReloaded = true;");
      check(browser, "triage");

      String live = data.publicReport("Глеб Живой", "Москва");
      WebElement row =
          browser.await(WAIT, d -> d.findElement(By.cssSelector("li[data-report='" + live + "']")));
      assertThat(row.getText()).contains("Глеб Живой", "Москва", "public form", "a relative");
      assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
      assertThat(browser.find("#live-status").getText()).contains("Москва");
      check(browser, "triage-live");

      // confirmed where it stands: the public count moves
      long before = data.confirmed();
      row.findElement(By.cssSelector("form.confirm button")).click();
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .contains("Confirmed");
      assertThat(eventually(data::confirmed, n -> n == before + 1)).isEqualTo(before + 1);
      assertThat(browser.findAll("li[data-report='" + live + "']")).isEmpty();
      check(browser, "triage-confirmed");

      // another coordinator confirms a row: it is marked live, and a late decision is refused
      browser.await(WAIT, d -> d.findElement(By.cssSelector("#triage[data-streaming=true]")));
      String earlier = data.detentionOf(data.earlier);
      assertThat(server.post("/api/detentions/" + earlier + "/confirm", "{}", COORDINATOR).status())
          .isEqualTo(200);
      WebElement decided =
          browser.await(
              WAIT,
              d -> d.findElement(By.cssSelector("li.done[data-report='" + data.earlier + "']")));
      assertThat(decided.getText()).contains("Confirmed by test-coordinator");
      assertThat(decided.findElements(By.cssSelector("form"))).isEmpty();
      browser.script(
          """
          const form = document.createElement('form');
          form.method = 'post';
          form.action = '/console/triage/' + arguments[0] + '/confirm';
          const csrf = document.createElement('input');
          csrf.type = 'hidden'; csrf.name = '_csrf';
          csrf.value = document.querySelector('meta[name=csrf-token]').content;
          form.appendChild(csrf);
          document.body.appendChild(form);
          form.submit();""",
          earlier);
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("conflict"))).getText())
          .contains("Already decided by test-coordinator at");
      check(browser, "triage-conflict");

      // the review queue: the report beside its candidate, decided with the key s
      browser.open(server.base() + "/console/review");
      WebElement item = browser.find("article[data-report='" + data.doubtful + "']");
      assertThat(item.getAttribute("class")).contains("current");
      assertThat(item.getText())
          .contains("Петр Сидоров", "Petr Sidorov", "Пётр Сидоров", "Pyotr Sidorov", "Казань");
      check(browser, "review");
      new Actions(browser.driver()).sendKeys("s").perform();
      browser.await(WAIT, ExpectedConditions.stalenessOf(item));
      assertThat(browser.find("#review-status").getText()).contains("Decided");
      assertThat(data.personOf(data.doubtful)).isEqualTo(data.personOf(data.known));
      check(browser, "review-decided");

      assertThat(browser.console())
          .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused"));
    }
  }

  @Test
  void the_pages_at_desktop_size_in_russian() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"));
        Browser browser = Browser.start(Browser.DESKTOP, "ru")) {
      Data data = Data.of(server);
      data.publicReport("Глеб Живой", "Москва");
      signIn(server, browser);
      browser.open(server.base() + "/console/triage");
      assertThat(browser.find("h1").getText()).isEqualTo("Новые сообщения");
      check(browser, "desktop-triage-ru");
      browser.open(server.base() + "/console/review");
      assertThat(browser.find("article[data-report='" + data.doubtful + "'] h3").getText())
          .isEqualTo("Сообщение");
      check(browser, "desktop-review-ru");
      // the key n: a new person of its own
      new Actions(browser.driver()).sendKeys("n").perform();
      browser.await(
          WAIT,
          d ->
              d.findElements(By.cssSelector("article[data-report='" + data.doubtful + "']"))
                  .isEmpty());
      assertThat(data.personOf(data.doubtful)).isNotEqualTo(data.personOf(data.known));
    }
  }

  /** A coordinator signed in over HTTP; the browser gets the session's cookie. */
  private static void signIn(TestVigil server, Browser browser) {
    String token =
        server.vigil().invitations().invite("anna", Role.COORDINATOR, "Анна", null).token();
    ConsoleUser anna = new ConsoleUser(server);
    assertThat(anna.accept(token, PASSWORD, Clock.systemUTC()).status()).isEqualTo(303);
    browser.open(server.base() + "/console/login");
    browser.driver().manage().addCookie(new Cookie("vigil-session", anna.cookie));
  }

  /** A campaign with a report waiting in triage and one waiting in review. */
  private record Data(
      TestVigil server, String campaign, String known, String doubtful, String earlier) {
    static Data of(TestVigil server) {
      String campaign = new PublicFixture(server).campaign("23 января 2021", "2021-01-23");
      String known =
          created(
              server.post(
                  "/api/reports",
                  """
                  {"campaign": "%s", "name": "Пётр Сидоров", "birth_year": 1990, "city": "Казань",
                   "detained_at": "2021-01-23T14:05:00+03:00", "source": "witness", "consent": "none"}"""
                      .formatted(campaign),
                  OPERATOR));
      String doubtful =
          created(
              server.post(
                  "/api/reports",
                  """
                  {"campaign": "%s", "name": "Петр Сидоров", "birth_year": 1991}"""
                      .formatted(campaign),
                  OPERATOR));
      String earlier =
          created(
              server.post(
                  "/api/reports",
                  """
                  {"campaign": "%s", "name": "Инна Ранняя", "city": "Москва",
                   "detained_at": "2021-01-23T13:00:00+03:00", "police_station": "ОВД Тверской",
                   "source": "witness", "consent": "none"}"""
                      .formatted(campaign),
                  OPERATOR));
      return new Data(server, campaign, known, doubtful, earlier);
    }

    String publicReport(String name, String city) {
      return created(
          server.post(
              "/api/public/reports",
              """
              {"campaign": "%s", "name": "%s", "city": "%s",
               "detained_at": "2021-01-23T15:00:00+03:00", "source": "relative", "consent": "none",
               "text": "Задержали у метро, увезли в автозаке."}"""
                  .formatted(campaign, name, city),
              null));
    }

    long confirmed() {
      return server
          .get("/api/public/tally?campaign=" + campaign + "&by=city", null)
          .json()
          .get("total")
          .get("confirmed")
          .asLong();
    }

    String detentionOf(String report) {
      return detention(report).get("id").asText();
    }

    String personOf(String report) {
      return detention(report).get("person").get("id").asText();
    }

    private JsonNode detention(String report) {
      for (JsonNode d : server.get("/api/detentions?limit=1000", COORDINATOR).json().get("items")) {
        if (d.get("report_id").asText().equals(report)) return d;
      }
      throw new AssertionError("no detention of report " + report);
    }

    private static String created(TestVigil.Response r) {
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      return r.json().get("id").asText();
    }
  }

  /** No serious or critical axe-core violation; the page saved as a screenshot. */
  private static void check(Browser browser, String name) {
    browser.screenshot("console/" + name);
    assertThat(browser.axeViolations()).as(name).isEmpty();
  }
}
