package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import org.vigil.security.Role;
import org.vigil.testing.Browser;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.Jpegs;
import org.vigil.testing.PublicFixture;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The editor's desk in headless Chromium: an update written in both languages, previewed and
 * published, then read on the public home page; a photo chosen from the disk and published; an
 * event's venue and a crowd estimate saved. Every page is checked by axe-core and saved under
 * {@code target/screenshots/console/}.
 */
class EditorDeskBrowserTest {
  private static final String PASSWORD = "long evening train to Tver 17";
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;

  @Test
  void an_editor_publishes_an_update_and_a_photo_and_edits_an_event() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"));
        Browser browser = Browser.start(Browser.PHONE, "en")) {
      PublicFixture fixture = new PublicFixture(server);
      String campaign = fixture.campaign("23 January", "2021-01-23");
      String event = fixture.event(campaign, "2021-01-23", "Москва", 55.76, 37.61);
      signIn(server, browser, "vera", "Редакция");

      // an update in both languages: previewed as the public page draws it, then published
      browser.open(server.base() + "/console/updates");
      assertThat(browser.findAll("nav a").stream().map(a -> a.getText()).toList())
          .contains("Updates", "Photos", "Events");
      check(browser, "updates");
      browser.find("#updates-text_ru").sendKeys("Первые задержания на Пушкинской площади");
      browser.find("#updates-text_en").sendKeys("First detentions on Pushkin Square");
      browser.find("#preview-button").click();
      browser.await(WAIT, d -> d.findElement(By.id("preview")));
      assertThat(browser.find(".public-page[lang=ru] li[data-id=preview]").getText())
          .endsWith("UTC Первые задержания на Пушкинской площади");
      assertThat(browser.find(".public-page[lang=en] li[data-id=preview]").getText())
          .endsWith("UTC First detentions on Pushkin Square");
      // the texts stay in the form, to publish as they are or to change
      assertThat(browser.find("#updates-text_en").getAttribute("value"))
          .isEqualTo("First detentions on Pushkin Square");
      check(browser, "updates-preview");
      // an impatient double click publishes once
      browser.script("const b = document.getElementById('publish-button'); b.click(); b.click();");
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .contains("2 updates are published");
      assertThat(server.get("/api/updates", null).json().get("items")).hasSize(2);
      assertThat(browser.find("#recent").getText()).contains("First detentions on Pushkin Square");
      check(browser, "updates-published");

      browser.open(server.base() + "/ru/");
      browser.await(
          WAIT,
          d -> {
            if (d.findElements(By.cssSelector("#updates li")).isEmpty()) d.navigate().refresh();
            return d.findElement(By.cssSelector("#updates li"));
          });
      assertThat(browser.find("#updates li").getText())
          .endsWith("Первые задержания на Пушкинской площади");

      // a photo from the disk, with caption, credit and event
      Path photo = dir.resolve("pushkin.jpg");
      Files.write(photo, Jpegs.tagged(Jpegs.photo(320, 240), 1));
      browser.open(server.base() + "/console/photos");
      check(browser, "photos");
      browser.find("#photos-file").sendKeys(photo.toAbsolutePath().toString());
      browser.find("#photos-caption").sendKeys("Pushkin Square at 14:00");
      browser.find("#photos-credit").sendKeys("Photographer / Agency");
      new Select(browser.find("#photos-event")).selectByValue(event);
      browser.find("#photo-form button[type=submit]").click();
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .contains("published");
      assertThat(browser.find("#photos li img").getAttribute("alt"))
          .isEqualTo("Pushkin Square at 14:00");
      assertThat(server.get("/api/media", null).json().get("items")).hasSize(1);
      check(browser, "photos-published");

      // the event: its venue and a sourced crowd estimate
      browser.open(server.base() + "/console/events");
      check(browser, "events");
      browser.find("#events a[href='/console/events/" + event + "']").click();
      browser.await(WAIT, d -> d.findElement(By.id("facts-form")));
      check(browser, "event");
      browser.find("#event-venue").clear();
      browser.find("#event-venue").sendKeys("Pushkin Square");
      browser.find("#event-temperature_c").sendKeys("-18");
      browser.find("#facts-form button[type=submit]").click();
      assertThat(browser.await(WAIT, d -> d.findElement(By.id("notice"))).getText())
          .contains("Saved");
      browser.find("#claim-value").sendKeys("15000");
      browser.find("#claim-source").sendKeys("organisers");
      browser.find("#claim-form button[type=submit]").click();
      browser.await(WAIT, d -> d.findElement(By.id("claims")));
      assertThat(browser.find("#claims").getText())
          .contains("15,000 (about), according to organisers");
      check(browser, "event-saved");

      // a page of nothing is the console's own, not a problem document
      browser.open(server.base() + "/console/events/nothing");
      assertThat(browser.find("#refusal").getAttribute("data-status")).isEqualTo("404");
      check(browser, "error");
      assertThat(browser.console())
          .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused"));
    }
  }

  @Test
  void the_desk_at_desktop_size_in_russian() throws Exception {
    Files.createDirectories(Browser.SCREENSHOTS.resolve("console"));
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"));
        Browser browser = Browser.start(Browser.DESKTOP, "ru")) {
      PublicFixture fixture = new PublicFixture(server);
      String campaign = fixture.campaign("23 января", "2021-01-23");
      String event = fixture.event(campaign, "2021-01-23", "Якутск", 62.03, 129.73);
      server.post(
          "/api/updates", "{\"language\": \"ru\", \"text\": \"В Якутске −50 °C\"}", Role.EDITOR);
      signIn(server, browser, "zhenya", null);
      browser.open(server.base() + "/console/updates");
      assertThat(browser.find("h1").getText()).isEqualTo("Хроника");
      browser.find("#updates-text_ru").sendKeys("Акция в Якутске началась");
      browser.find("#preview-button").click();
      browser.await(WAIT, d -> d.findElement(By.id("preview")));
      assertThat(browser.findAll(".public-page[lang=ru] li")).hasSize(2);
      check(browser, "desktop-updates-ru");
      browser.open(server.base() + "/console/photos");
      check(browser, "desktop-photos-ru");
      // a second click while the upload is on its way is not a second upload
      Object sent =
          browser.script(
              "let sent = 0;"
                  + "window.addEventListener('submit', e => {"
                  + " if (!e.defaultPrevented) sent++; e.preventDefault(); });"
                  + "const form = document.getElementById('photo-form');"
                  + "form.noValidate = true; form.requestSubmit(); form.requestSubmit();"
                  + "return sent;");
      assertThat(sent).isEqualTo(1L);
      browser.open(server.base() + "/console/events/" + event);
      assertThat(browser.find("h1").getText()).startsWith("Якутск");
      browser.find("#claim-value").sendKeys("много");
      browser.find("#claim-source").sendKeys("полиция");
      browser.find("#claim-form button[type=submit]").click();
      browser.await(WAIT, d -> d.findElement(By.id("claim-errors")));
      assertThat(browser.find("#claim-errors").getText()).contains("целое число");
      check(browser, "desktop-event-errors-ru");
    }
  }

  /** An editor who joined over HTTP, whose session the browser is handed as its cookie. */
  private static void signIn(TestVigil server, Browser browser, String name, String display) {
    String token = server.vigil().invitations().invite(name, Role.EDITOR, display, null).token();
    ConsoleUser editor = new ConsoleUser(server);
    assertThat(editor.accept(token, PASSWORD, Clock.systemUTC()).status()).isEqualTo(303);
    browser.open(server.base() + "/console/login");
    browser.driver().manage().addCookie(new Cookie("vigil-session", editor.cookie));
  }

  /** No serious or critical axe-core violation; the page saved as a screenshot. */
  private static void check(Browser browser, String name) {
    browser.screenshot("console/editor-" + name);
    assertThat(browser.axeViolations()).as(name).isEmpty();
  }
}
