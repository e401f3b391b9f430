package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.vigil.Vigil;
import org.vigil.security.Role;
import org.vigil.security.Totp;
import org.vigil.testing.Browser;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.MutableClock;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The console in headless Chromium at phone size: an admin accepts an invitation with a code
 * computed as their app would, signs out and in, invites and disables a user, and signs out. Every
 * console page is checked by axe-core and saved under {@code target/screenshots/console/}.
 */
class ConsoleBrowserTest {
  private static final String PASSWORD = "long evening train to Tver 17";
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;

  @Test
  void an_admin_joins_signs_in_disables_a_user_and_signs_out() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = start(db, clock);
        Browser browser = Browser.start(Browser.PHONE, "en")) {
      String token = server.vigil().invitations().invite("zoya", Role.ADMIN, "Зоя", null).token();

      // the invitation: a QR code drawn by Vigil and the key as text
      browser.open(server.base() + "/console/invite/" + token);
      assertThat(browser.find("svg[role=img] path").getAttribute("d")).startsWith("M");
      String key = browser.find("#secret").getText().replace(" ", "");
      assertThat(key).matches("[A-Z2-7]{32}");
      check(browser, "invite");
      browser.find("#password").sendKeys(PASSWORD);
      browser.find("#repeat").sendKeys(PASSWORD);
      browser.find("#code").sendKeys(Totp.code(Totp.fromBase32(key), Totp.step(clock.instant())));
      browser.find("form.stack button[type=submit]").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/"));
      assertThat(browser.find("h1").getText()).contains("Зоя");
      assertThat(browser.find("#entry-heading").getText()).isEqualTo("New report from a call");
      assertThat(browser.findAll("nav a").stream().map(a -> a.getText()).toList())
          .containsExactly(
              "Start",
              "Users",
              "Triage",
              "Review",
              "Updates",
              "Photos",
              "Events",
              "Search",
              "Held now",
              "Police stations");
      check(browser, "home");

      // sign out, and in again with the next code
      browser.find("form[action='/console/logout'] button").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/login"));
      check(browser, "login");
      assertThat(browser.find("#code").getAttribute("autocomplete")).isEqualTo("one-time-code");
      assertThat(browser.find("#code").getAttribute("inputmode")).isEqualTo("numeric");
      browser.open(server.base() + "/console/admin");
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(server.base() + "/console/login");

      // the language switch, as on the public site
      browser.find("a[hreflang=ru]").click();
      browser.await(
          WAIT, d -> d.findElement(By.cssSelector("html")).getAttribute("lang").equals("ru"));
      assertThat(browser.find("h1").getText()).isEqualTo("Вход");
      check(browser, "login-ru");
      browser.find("a[hreflang=en]").click();
      browser.await(
          WAIT, d -> d.findElement(By.cssSelector("html")).getAttribute("lang").equals("en"));

      // a wrong code: the form again, saying nothing of which part was wrong
      browser.find("#name").sendKeys("zoya");
      browser.find("#password").sendKeys(PASSWORD);
      browser.find("#code").sendKeys("000000");
      browser.find("form.stack button[type=submit]").click();
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("login-error"))).getText())
          .contains("name, password or code");
      check(browser, "login-failed");

      clock.advance(Duration.ofSeconds(30));
      browser.find("#name").clear();
      browser.find("#name").sendKeys("zoya");
      browser.find("#password").sendKeys(PASSWORD);
      browser.find("#code").sendKeys(Totp.code(Totp.fromBase32(key), Totp.step(clock.instant())));
      browser.find("form.stack button[type=submit]").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/"));

      // the admin page: invite pavel, who then joins from his own phone
      browser.find("nav a[href='/console/admin']").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/admin"));
      check(browser, "admin");
      browser.find("#invite-name").sendKeys("pavel");
      new org.openqa.selenium.support.ui.Select(browser.find("#invite-role"))
          .selectByValue("operator");
      browser.find("form[action='/console/admin/invitations'] button").click();
      String url = browser.await(WAIT, d -> d.findElement(By.id("invitation-url"))).getText();
      assertThat(url).startsWith("http://localhost:" + server.vigil().port() + "/console/invite/");
      check(browser, "admin-invited");
      ConsoleUser pavel = new ConsoleUser(server);
      assertThat(pavel.accept(url.substring(url.lastIndexOf('/') + 1), PASSWORD, clock).status())
          .isEqualTo(303);
      assertThat(pavel.get("/console/").status()).isEqualTo(200);
      // an operator is shown that the admin page is not theirs
      assertThat(pavel.get("/console/admin").status()).isEqualTo(403);

      browser.open(server.base() + "/console/admin");
      browser.find("tr[data-user=pavel] button.danger").click();
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .contains("pavel");
      assertThat(browser.find("tr[data-user=pavel] .status").getText()).isEqualTo("disabled");
      assertThat(browser.findAll("tr[data-user=pavel] button")).isEmpty();
      check(browser, "admin-disabled");
      assertThat(pavel.get("/console/").status()).isEqualTo(303);

      // a form with a stale CSRF token (a page left open across sessions) is refused with a page
      browser.script(
          "document.querySelector(\"form[action='/console/admin/invitations'] input[name=_csrf]\")"
              + ".value = 'stale';");
      browser.find("#invite-name").sendKeys("quentin");
      browser.find("form[action='/console/admin/invitations'] button").click();
      browser.await(WAIT, d -> d.findElement(By.cssSelector("body[data-page=forbidden]")));
      assertThat(browser.find("main").getText()).contains("out of date");
      check(browser, "forbidden");
      assertThat(server.vigil().accounts().findUser("quentin")).isEmpty();
      browser.open(server.base() + "/console/");

      browser.find("form[action='/console/logout'] button").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/login"));
      browser.open(server.base() + "/console/");
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(server.base() + "/console/login");
      assertThat(browser.console())
          .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused"));
    }
  }

  @Test
  void the_pages_at_desktop_size_in_russian() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = start(db, clock);
        Browser browser = Browser.start(Browser.DESKTOP, "ru")) {
      server.vigil().invitations().invite("reader", Role.OPERATOR, null, null);
      String token =
          server.vigil().invitations().invite("sofia", Role.ADMIN, "София", null).token();
      ConsoleUser sofia = new ConsoleUser(server);
      assertThat(sofia.accept(token, PASSWORD, clock).status()).isEqualTo(303);
      browser.open(server.base() + "/console/login");
      check(browser, "desktop-login-ru");
      // the session made over HTTP, handed to the browser as its cookie
      browser
          .driver()
          .manage()
          .addCookie(new org.openqa.selenium.Cookie("vigil-session", sofia.cookie));
      browser.open(server.base() + "/console/");
      assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ru");
      assertThat(browser.find("h1").getText()).contains("София");
      check(browser, "desktop-home-ru");
      browser.open(server.base() + "/console/admin");
      assertThat(browser.find("h1").getText()).isEqualTo("Пользователи");
      assertThat(browser.find("tr[data-user=reader] .status").getText())
          .isEqualTo("пароль не задан");
      check(browser, "desktop-admin-ru");
    }
  }

  /** A server whose console goes by {@code clock}, with the default session times. */
  private TestVigil start(TestDatabase db, MutableClock clock) {
    return TestVigil.start(
        db,
        dir.resolve("keyset.json"),
        List.of(),
        new Vigil.ConsoleSettings(null, Duration.ofMinutes(30), Duration.ofHours(12), clock));
  }

  /** No serious or critical axe-core violation; the page saved as a screenshot. */
  private static void check(Browser browser, String name) {
    browser.screenshot("console/" + name);
    assertThat(browser.axeViolations()).as(name).isEmpty();
  }
}
