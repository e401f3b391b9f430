package org.vigil.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.vigil.security.Role;
import org.vigil.testing.Browser;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * An operator types a call into a report with the keyboard only (issue #13, point 2): Tab from
 * field to field, the city and the police station chosen from the suggestions with the arrow keys,
 * Ctrl+Enter to save; the report appears in "my reports", and the same name typed again is known to
 * be reported today. The page is checked by axe-core and saved at phone and desktop size under
 * {@code target/screenshots/console/}.
 */
class OperatorEntryBrowserTest {
  private static final String PASSWORD = "copper kettle on the stove 1905";
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;

  @Test
  void a_call_typed_with_the_keyboard_only_appears_in_my_reports() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"));
        Browser browser = Browser.start(Browser.PHONE, "ru")) {
      assertThat(
              server
                  .post(
                      "/api/police-stations",
                      "{\"name\": \"ОВД Тверской\", \"city\": \"Москва\"}",
                      Role.COORDINATOR)
                  .status())
          .isEqualTo(201);
      signIn(server, browser, "olga");
      assertThat(browser.find("#mine-empty").isDisplayed()).isTrue();
      check(browser, "entry-phone-ru");

      // the form opens with the name field focused and the detention time set to now in Moscow
      assertThat(focused(browser).getAttribute("id")).isEqualTo("name");
      assertThat(browser.find("#detained-at").getAttribute("value"))
          .matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");

      type(browser, "Зиновий Клавишев");
      assertThat(browser.<String>await(WAIT, d -> text(d, "#seen"))).contains("не сообщали");
      tab(browser, "birth-year");
      type(browser, "1993");
      tab(browser, "city");
      type(browser, "mosk");
      choose(browser, "city-list", "Москва");
      assertThat(browser.find("#city").getAttribute("value")).isEqualTo("Москва");
      check(browser, "entry-phone-city-chosen");
      tab(browser, "detained-at");
      tab(browser, "station");
      type(browser, "tvers");
      awaitOption(browser, "station-list", "ОВД Тверской");
      check(browser, "entry-phone-station-suggested");
      focused(browser).sendKeys(Keys.ARROW_DOWN);
      focused(browser).sendKeys(Keys.TAB); // Tab takes the highlighted suggestion and moves on
      assertThat(focused(browser).getAttribute("id")).isEqualTo("source");
      assertThat(browser.find("#station").getAttribute("value")).isEqualTo("ОВД Тверской");
      tab(browser, "contact");
      type(browser, "мать, +7 900 000-00-77");
      tab(browser, "consent");
      tab(browser, "text");
      type(browser, "Задержан у выхода из метро.");
      focused(browser).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

      WebElement row =
          browser.await(WAIT, d -> d.findElement(By.cssSelector("#mine tbody tr[data-report]")));
      assertThat(row.getText()).contains("Зиновий Клавишев", "Москва", "ОВД Тверской");
      assertThat(browser.find("#entry-status").getText()).contains("Сохранено");
      assertThat(browser.find("#mine-empty").isDisplayed()).isFalse();
      // the form is empty for the next call, the name field focused again
      assertThat(browser.find("#name").getAttribute("value")).isEmpty();
      assertThat(focused(browser).getAttribute("id")).isEqualTo("name");

      JsonNode stored =
          server.get("/api/reports/" + row.getAttribute("data-report"), Role.COORDINATOR).json();
      assertThat(stored.get("name").asText()).isEqualTo("Зиновий Клавишев");
      assertThat(stored.get("birth_year").asInt()).isEqualTo(1993);
      assertThat(stored.get("city").asText()).isEqualTo("Москва");
      assertThat(stored.get("police_station").asText()).isEqualTo("ОВД Тверской");
      assertThat(stored.get("contact").asText()).isEqualTo("мать, +7 900 000-00-77");
      assertThat(stored.get("channel").asText()).isEqualToIgnoringCase("operator");
      assertThat(stored.get("detained_at").asText()).endsWith("+03:00");

      // the next caller names the same man: Vigil says he is already reported today
      type(browser, "Зиновий Клавишев");
      assertThat(browser.<String>await(WAIT, d -> text(d, "#seen.known"))).contains("сообщений: 1");
      check(browser, "entry-phone-seen");

      assertThat(browser.console())
          .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused"));

      // the same session at a desktop's size: the form in two columns, the shift's list below
      String cookie = browser.driver().manage().getCookieNamed("vigil-session").getValue();
      try (Browser desktop = Browser.start(Browser.DESKTOP, "ru")) {
        desktop.open(server.base() + "/console/login");
        desktop.driver().manage().addCookie(new Cookie("vigil-session", cookie));
        desktop.open(server.base() + "/console/");
        desktop.await(WAIT, d -> d.findElement(By.cssSelector("#mine tbody tr[data-report]")));
        check(desktop, "entry-desktop-ru");
      }
    }
  }

  @Test
  void an_editor_gets_no_entry_form() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"));
        Browser browser = Browser.start(Browser.DESKTOP, "en")) {
      String token = server.vigil().invitations().invite("egor", Role.EDITOR, null, null).token();
      ConsoleUser egor = new ConsoleUser(server);
      assertThat(egor.accept(token, PASSWORD, Clock.systemUTC()).status()).isEqualTo(303);
      browser.open(server.base() + "/console/login");
      browser.driver().manage().addCookie(new Cookie("vigil-session", egor.cookie));
      browser.open(server.base() + "/console/");
      assertThat(browser.findAll("#entry")).isEmpty();
      assertThat(browser.find("#can-heading").getText()).contains("What your role does");
      check(browser, "entry-desktop-editor-en");
    }
  }

  /** An operator who joined over HTTP; the browser takes over their session's cookie. */
  private static void signIn(TestVigil server, Browser browser, String name) {
    String token = server.vigil().invitations().invite(name, Role.OPERATOR, null, null).token();
    ConsoleUser user = new ConsoleUser(server);
    assertThat(user.accept(token, PASSWORD, Clock.systemUTC()).status()).isEqualTo(303);
    browser.open(server.base() + "/console/login");
    browser.driver().manage().addCookie(new Cookie("vigil-session", user.cookie));
    browser.open(server.base() + "/console/");
    browser.await(WAIT, d -> d.findElement(By.id("entry")));
    browser.await(WAIT, d -> "name".equals(d.switchTo().activeElement().getAttribute("id")));
  }

  private static WebElement focused(Browser browser) {
    return browser.driver().switchTo().activeElement();
  }

  private static void type(Browser browser, String keys) {
    focused(browser).sendKeys(keys);
  }

  /** Tab, and the field with this id has the focus next. */
  private static void tab(Browser browser, String next) {
    focused(browser).sendKeys(Keys.TAB);
    assertThat(focused(browser).getAttribute("id")).isEqualTo(next);
  }

  private static void awaitOption(Browser browser, String list, String label) {
    browser.await(
        WAIT,
        d ->
            d.findElements(By.cssSelector("#" + list + " [role=option]")).stream()
                .anyMatch(o -> o.getText().startsWith(label)));
  }

  /** Waits for the suggestion, moves to the first with the arrow key and takes it with Enter. */
  private static void choose(Browser browser, String list, String label) {
    awaitOption(browser, list, label);
    focused(browser).sendKeys(Keys.ARROW_DOWN);
    assertThat(focused(browser).getAttribute("aria-activedescendant")).isEqualTo(list + "-0");
    focused(browser).sendKeys(Keys.ENTER);
    assertThat(browser.find("#" + list).isDisplayed()).isFalse();
  }

  private static String text(org.openqa.selenium.WebDriver d, String css) {
    var found = d.findElements(By.cssSelector(css));
    if (found.isEmpty()) return null;
    String text = found.get(0).getText();
    return text.isBlank() ? null : text;
  }

  /** No serious or critical axe-core violation; the page saved as a screenshot. */
  private static void check(Browser browser, String name) {
    browser.screenshot("console/" + name);
    assertThat(browser.axeViolations()).as(name).isEmpty();
  }
}
