package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.vigil.testing.Browser;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The public report form in headless Chromium at phone size, on a connection that drops: the form
 * is sent while the server is down, the page says the report is kept and will be sent again, and
 * once a server is back on the same port and data the report arrives exactly once, by the page's
 * own retries and, for a second report, when the form is opened again. Each state of the page is
 * checked by axe-core and saved under {@code target/screenshots/report/}.
 */
class ReportFormBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The page retries with a backoff of at most 30 seconds. */
  private static final Duration RETRIES = Duration.ofSeconds(45);

  private static final String STORE = "return window.localStorage.getItem('vigil.report.outbox');";

  @TempDir Path dir;

  @Test
  void a_report_sent_while_the_server_is_down_arrives_once_when_it_is_back() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("report"));
    Path keyset = dir.resolve("keyset.json");
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        Browser browser = Browser.start(Browser.PHONE, "en")) {
      TestVigil server = TestVigil.start(db, keyset);
      int port = server.vigil().port();
      try {
        browser.open(server.base() + "/en/");
        browser.find("nav a[href='/en/report']").click();
        browser.await(WAIT, d -> d.getCurrentUrl().endsWith("/en/report"));
        check(browser, "form-en");

        // sent empty: the script shows the server's errors next to the fields
        browser.find("button.send").click();
        assertThat(browser.await(WAIT, d -> d.findElement(By.id("name-error"))).getText())
            .isEqualTo("Name: give the name of the detained person or write what happened");
        assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.script(STORE)).as("a refused report is not kept").isNull();
        check(browser, "form-en-errors");

        fill(browser, "Зоя Браузерова", "Увезли в автозаке от Плотинки.");
        server.close(); // the connection drops
        browser.find("button.send").click();
        browser.await(
            WAIT, d -> browser.find("#report-status").getText().contains("kept on this phone"));
        assertThat((String) browser.script(STORE)).contains("\"key\"", "\"body\"");
        check(browser, "form-en-kept");

        server = TestVigil.startOnPort(db, keyset, port); // back on the same port and data
        browser.await(RETRIES, d -> d.getCurrentUrl().contains("/en/report/sent?receipt="));
        String code = browser.find("#receipt-code").getText();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.script(STORE)).as("nothing stays in the browser").isNull();
        check(browser, "sent-en");
        JsonNode report = server.get("/api/reports/by-receipt/" + code, COORDINATOR).json();
        assertThat(report.get("name").asText()).isEqualTo("Зоя Браузерова");
        assertThat(report.get("consent").asText()).isEqualTo("initials");
        assertThat(report.get("detained_at").asText()).startsWith("2021-01-23T14:05");
        assertThat(stored(server)).isEqualTo(1);

        // a second report, kept while down, leaves with the page and is sent when it is opened
        // again
        browser.open(server.base() + "/ru/report");
        check(browser, "form-ru");
        fill(browser, "Пётр Повторов", "Задержали у метро.");
        server.close();
        browser.find("button.send").click();
        browser.await(
            WAIT,
            d -> browser.find("#report-status").getText().contains("сохранено на этом телефоне"));
        String kept = (String) browser.script(STORE);
        browser.open("about:blank");
        server = TestVigil.startOnPort(db, keyset, port);
        browser.open(server.base() + "/ru/report");
        browser.await(RETRIES, d -> d.getCurrentUrl().contains("/ru/report/sent?receipt="));
        check(browser, "sent-ru");
        assertThat(stored(server)).isEqualTo(2);

        // the same kept report sent once more (a reply lost on the way): stored once all the same
        browser.open(server.base() + "/ru/report");
        browser.script("window.localStorage.setItem('vigil.report.outbox', arguments[0]);", kept);
        browser.open(server.base() + "/ru/report");
        browser.await(RETRIES, d -> d.getCurrentUrl().contains("/ru/report/sent?receipt="));
        assertThat(stored(server)).isEqualTo(2);
        assertThat(browser.console())
            .noneMatch(
                line -> line.contains("Content Security Policy") || line.contains("Refused"));
      } finally {
        server.close();
      }
    }
  }

  private static void fill(Browser browser, String name, String text) {
    browser.find("#name").clear();
    browser.find("#name").sendKeys(name);
    browser.find("#birth_year").sendKeys("1996");
    // date and time pickers take their value as the page's script would set it
    browser.script(
        "document.getElementById('date').value = '2021-01-23';"
            + " document.getElementById('time').value = '14:05';");
    new Select(browser.find("#utc_offset")).selectByValue("+03:00");
    browser.find("#city").sendKeys("Москва");
    browser.find("#police_station").sendKeys("ОВД Тверской");
    new Select(browser.find("#source")).selectByValue("relative");
    browser.find("#contact").sendKeys("+7 900 000-00-00");
    browser.find("#consent-initials").click();
    browser.find("#text").sendKeys(text);
  }

  private static int stored(TestVigil server) {
    return server
        .vigil()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
  }

  /** No serious or critical axe-core violation; the page saved as a screenshot. */
  private static void check(Browser browser, String name) {
    browser.screenshot("report/" + name);
    assertThat(browser.axeViolations()).as(name).isEmpty();
  }
}
