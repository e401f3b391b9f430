package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.vigil.Vigil;
import org.vigil.security.Role;
import org.vigil.testing.Browser;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.MutableClock;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The coordinator's case pages in headless Chromium at phone size: a coordinator searches for a
 * name written in Latin letters, opens the person, adds a status with the keyboard and sees it on
 * the timeline; a wrong form shows its reasons; the held and stations pages. Each page is checked
 * by axe-core and saved under {@code target/screenshots/console/}.
 */
class CasePagesBrowserTest {
  private static final String PASSWORD = "long evening train to Tver 17";
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;

  @Test
  void a_coordinator_finds_a_person_and_adds_a_status() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server =
            TestVigil.start(
                db,
                dir.resolve("keyset.json"),
                List.of(),
                new Vigil.ConsoleSettings(
                    null, Duration.ofMinutes(30), Duration.ofHours(12), clock));
        Browser browser = Browser.start(Browser.PHONE, "ru")) {
      PublicFixture f = new PublicFixture(server);
      String campaign = f.campaign("23 января 2021", "2021-01-23");
      String tverskoy = f.station("ОВД Тверской", "Москва", 55.76, 37.61);
      String other = f.station("ОВД по Тверскому району", "Москва", 55.76, 37.61);
      f.report(
          OPERATOR,
          campaign,
          "Жданых Пётр",
          "Москва",
          "2021-01-23T14:05:00+03:00",
          "ОВД Тверской",
          "none");
      String held =
          f.report(
              OPERATOR,
              campaign,
              "Мария Соколова",
              "Москва",
              "2021-01-23T14:20:00+03:00",
              "ОВД Тверской",
              "none");
      String heldDetention = null;
      for (var d : server.get("/api/detentions?limit=10", COORDINATOR).json().get("items")) {
        if (d.get("report_id").asText().equals(held)) heldDetention = d.get("id").asText();
      }
      server.post(
          "/api/detentions/" + heldDetention + "/status",
          "{\"status\": \"at_police_station\", \"source\": \"адвокат\"}",
          COORDINATOR);
      server.post(
          "/api/police-stations/" + other + "/merge",
          "{\"into\": \"" + tverskoy + "\"}",
          COORDINATOR);

      String token =
          server.vigil().invitations().invite("kira", Role.COORDINATOR, "Кира", null).token();
      ConsoleUser kira = new ConsoleUser(server);
      Response accepted = kira.accept(token, PASSWORD, clock);
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(303);
      browser.open(server.base() + "/console/login");
      browser
          .driver()
          .manage()
          .addCookie(new org.openqa.selenium.Cookie("vigil-session", kira.cookie));

      // search in Latin letters, from the navigation
      browser.open(server.base() + "/console/");
      browser.find("nav a[href='/console/search']").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/search"));
      check(browser, "cases-search");
      browser.find("#q").sendKeys("Zhdanykh", Keys.ENTER);
      browser.await(WAIT, d -> d.findElement(By.id("found")));
      assertThat(browser.findAll("#found li a").stream().map(a -> a.getText()).toList())
          .containsExactly("Жданых Пётр");
      check(browser, "cases-search-found");

      // the person, and a status added with the keyboard
      browser.find("#found li a").click();
      browser.await(WAIT, d -> d.findElement(By.id("person-name")));
      assertThat(browser.find("h1").getText()).isEqualTo("Жданых Пётр");
      assertThat(browser.find("main").getText()).contains("Zhdanykh Pëtr", "ОВД Тверской");
      check(browser, "cases-person");
      String form = browser.find("form[action$='/status']").getAttribute("action");
      String detention = form.replaceAll(".*/detentions/([^/]+)/status", "$1");
      new Select(browser.find("#status-" + detention + "-status")).selectByValue("held_overnight");
      browser.find("#status-" + detention + "-source").sendKeys("адвокат Петрова", Keys.ENTER);
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .isEqualTo("Статус добавлен в хронологию.");
      assertThat(browser.find("#detention-" + detention + " .timeline").getText())
          .contains("оставлен(а) на ночь", "адвокат Петрова", "Кира");
      check(browser, "cases-person-status");

      // who is held where (held overnight: still at the station), and the stations with the
      // undoing of a merge
      browser.find("nav a[href='/console/held']").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/held"));
      assertThat(browser.find("main").getText())
          .contains("ОВД Тверской", "Мария Соколова", "Жданых Пётр");
      check(browser, "cases-held");
      browser.find("nav a[href='/console/stations']").click();
      browser.await(WAIT, ExpectedConditions.urlToBe(server.base() + "/console/stations"));
      assertThat(browser.find("#custody tr[data-station='" + tverskoy + "'] td.num").getText())
          .isEqualTo("2");
      check(browser, "cases-stations");
      browser.find("li[data-station='" + other + "'] button").click();
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .contains("ОВД по Тверскому району");
      check(browser, "cases-stations-undone");

      // back to the person for the court
      browser.open(server.base() + "/console/search?q=Zhdanykh");
      browser.find("#found li a").click();
      browser.await(WAIT, d -> d.findElement(By.id("person-name")));

      // the court: its facts are fields of their own, shown on the timeline
      String sf = "#status-" + detention + "-";
      new Select(browser.find(sf + "status")).selectByValue("in_court");
      browser.find("#detention-" + detention + " form[action$='/status'] details summary").click();
      browser.find(sf + "court").sendKeys("Тверской районный суд");
      browser.script("document.querySelector('" + sf + "hearing_at').value = '2021-01-25T10:30'");
      browser.find(sf + "judge").sendKeys("Вымышленная А. Б.");
      browser.find(sf + "case_number").sendKeys("5-1234/2021");
      browser.find(sf + "article").sendKeys("20.2");
      browser.find(sf + "article_part").sendKeys("5");
      browser.find(sf + "source").sendKeys("сайт суда", Keys.ENTER);
      browser.await(WAIT, d -> d.findElement(By.id("notice")));
      assertThat(browser.find("#detention-" + detention + " .timeline").getText())
          .contains(
              "в суде",
              "ч. 5 ст. 20.2 КоАП",
              "Тверской районный суд",
              "заседание 2021-01-25 10:30",
              "судья Вымышленная А. Б.",
              "дело № 5-1234/2021");
      check(browser, "cases-person-court");

      // a form the browser would not send as it is: the page says what is wrong, beside the form
      browser.script(
          "document.getElementById('status-" + detention + "-source').removeAttribute('required')");
      browser.find("#status-" + detention + "-source").clear();
      browser.find("#status-" + detention + "-source").sendKeys(Keys.ENTER);
      assertThat(
              browser
                  .await(WAIT, d -> d.findElement(By.id("status-" + detention + "-errors")))
                  .getText())
          .contains("Источник: обязательное поле");
      check(browser, "cases-person-error");

      // the person's page in English
      browser.open(server.base() + "/console/search?q=JDANYKH&lang=en");
      browser.await(WAIT, d -> d.findElement(By.cssSelector("html[lang=en]")));
      browser.open(server.base() + "/console/search?q=JDANYKH");
      browser.find("#found li a").click();
      browser.await(WAIT, d -> d.findElement(By.id("person-name")));
      assertThat(browser.find("main").getText()).contains("held overnight");
      check(browser, "cases-person-en");
      assertThat(browser.console())
          .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused"));
    }
  }

  /** No serious or critical axe-core violation; the page saved as a screenshot. */
  private static void check(Browser browser, String name) {
    browser.screenshot("console/" + name);
    assertThat(browser.axeViolations()).as(name).isEmpty();
  }
}
