package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.EDITOR;
import static org.vigil.security.Role.OPERATOR;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.vigil.security.Role;
import org.vigil.testing.Browser;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * The public pages as a phone's browser shows them (issue #5): the live count changes in place when
 * a detention is reported, the gallery shows published photos, and no page has a serious or
 * critical accessibility defect by axe-core. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {
  /**
   * Records each EventSource a page opens, so a test can wait until the live feed is open; and,
   * when the page is put into the back/forward cache (pagehide, persisted), notes in sessionStorage
   * which of them it left open. The check runs after the page's own pagehide listeners: it is added
   * on load, after the page's deferred script.
   */
  private static final String WATCH_EVENT_SOURCES =
      """
      (() => {
        const Native = window.EventSource;
        window.__eventSources = [];
        if (!Native) return;
        window.EventSource = class extends Native {
          constructor(url, init) { super(url, init); window.__eventSources.push(this); }
        };
        addEventListener('load', () => addEventListener('pagehide', event => {
          const open = window.__eventSources.filter(e => e.readyState !== 2);
          if (event.persisted && open.length > 0) {
            const left = JSON.parse(sessionStorage.getItem('vigil-left-open') || '[]');
            left.push(location.pathname + ' left ' + open.map(e => e.url).join(', ') + ' open');
            sessionStorage.setItem('vigil-left-open', JSON.stringify(left));
          }
        }));
      })();""";

  private static final Duration LIVE = Duration.ofSeconds(5);
  private static final List<String> PEOPLE =
      List.of(
          "Иван Петров",
          "Мария Смирнова",
          "Алексей Кузнецов",
          "Ольга Попова",
          "Дмитрий Соколов",
          "Анна Лебедева",
          "Сергей Козлов",
          "Елена Новикова",
          "Михаил Морозов",
          "Татьяна Волкова",
          "Николай Зайцев",
          "Наталья Павлова");
  private static final List<String> COUNTS = List.of("confirmed", "unconfirmed", "cities");

  private final AtomicInteger names = new AtomicInteger();
  private Path dir;
  private TestDatabase db;
  private TestVigil server;
  private Browser browser;
  private String campaign;
  private String event;
  private String photoUrl;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("vigil-pages");
    db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
    server = TestVigil.start(db, dir.resolve("keyset.json"));
    // An older campaign first: the pages show the one that starts last.
    created("/api/campaigns", "{\"title\": \"12 June 2020\", \"starts_on\": \"2020-06-12\"}");
    campaign =
        created(
            "/api/campaigns", "{\"title\": \"23 January 2021\", \"starts_on\": \"2021-01-23\"}");
    event =
        created(
            "/api/events",
            "{\"campaign\": \""
                + campaign
                + "\", \"held_on\": \"2021-01-23\", \"city\": \"Москва\", \"region\": \"Москва\","
                + " \"venue\": \"Пушкинская площадь\", \"authorised\": false}");
    String spb =
        created(
            "/api/events",
            "{\"campaign\": \""
                + campaign
                + "\", \"held_on\": \"2021-01-23\", \"city\": \"Санкт-Петербург\","
                + " \"region\": \"Санкт-Петербург\", \"venue\": \"Сенатская площадь\"}");
    report(event, COORDINATOR);
    report(event, OPERATOR);
    report(spb, COORDINATOR);
  }

  /** Each test is one visitor: a new browser, with no pages cached from another test. */
  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
    browser.beforeEachPage(WATCH_EVENT_SOURCES);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) browser.close();
    browser = null;
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  @Test
  void the_home_page_counts_a_new_detention_without_reloading() {
    open(browser, server.base() + "/en/");
    for (String count : COUNTS) {
      assertThat(browser.findAll("[data-count=\"" + count + "\"]"))
          .as("[data-count=\"%s\"] on /en/", count)
          .hasSize(1);
      assertThat(count(count)).as("the number in [data-count=\"%s\"]", count).isNotNull();
    }
    assertThat(browser.findAll("table#cities")).as("table#cities").hasSize(1);
    assertThat(browser.findAll("table#cities th button"))
        .as("a sortable header: a button in a th of table#cities")
        .isNotEmpty();
    assertThat(browser.findAll("svg#timeline, #timeline svg"))
        .as("the SVG chart #timeline")
        .isNotEmpty();
    awaitLiveFeed();
    browser.script("window.__marker = 1;");
    long confirmed = count("confirmed");
    long unconfirmed = count("unconfirmed");

    report(event, COORDINATOR);
    awaitCount("confirmed", confirmed + 1, "after a coordinator's report");
    assertThat(count("confirmed"))
        .as("the headline after one coordinator's report")
        .isEqualTo(confirmed + 1);
    assertThat(count("unconfirmed"))
        .as("unconfirmed after a coordinator's report: it counts as confirmed at once")
        .isEqualTo(unconfirmed);

    report(event, OPERATOR);
    awaitCount("unconfirmed", unconfirmed + 1, "after an operator's report");
    assertThat(count("confirmed"))
        .as("the headline after an operator's report: it is not confirmed yet, so not in it")
        .isEqualTo(confirmed + 1);

    assertThat(browser.script("return window.__marker;"))
        .as("the page was updated in place, not reloaded")
        .isEqualTo(1L);

    WebElement sort = browser.find("table#cities th button");
    sort.click();
    assertThat(browser.script("return arguments[0].closest('th').getAttribute('aria-sort');", sort))
        .as("a sorted column says so to screen readers (aria-sort on its th)")
        .isIn("ascending", "descending");
    assertThat(browser.script("return window.__marker;"))
        .as("sorting does not reload")
        .isEqualTo(1L);
    assertThat(browser.screenshot("home")).exists();
  }

  @Test
  void the_gallery_shows_a_published_photo() throws Exception {
    String url = photo();
    open(browser, server.base() + "/en/gallery");
    WebElement image =
        browser.findAll("img").stream()
            .filter(img -> String.valueOf(img.getAttribute("src")).contains(photoId(url)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no <img> of " + url + " on /en/gallery"));
    browser.script("arguments[0].scrollIntoView();", image);
    browser.await(
        Duration.ofSeconds(5),
        d ->
            browser
                .script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)
                .equals(Boolean.TRUE));
    assertThat(browser.find("body").getText()).contains("Pushkin Square, 23 January 2021");
    browser.script("window.scrollTo(0, 0);");
    assertThat(browser.screenshot("gallery")).exists();
  }

  @Test
  void the_russian_pages_are_in_russian_and_a_russian_browser_lands_on_them() {
    open(browser, server.base() + "/ru/");
    assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("ru");
    assertThat(browser.find("body").getText()).containsPattern("[А-Яа-яЁё]{4,}");
    assertThat(browser.screenshot("home-ru")).exists();
    open(browser, server.base() + "/en/");
    assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("en");

    try (Browser russian = Browser.start(Browser.PHONE, "ru")) {
      russian.open(server.base() + "/");
      assertThat(russian.driver().getCurrentUrl()).isEqualTo(server.base() + "/ru/");
    }
    open(browser, server.base() + "/");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(server.base() + "/en/");
  }

  /**
   * A page put into the back/forward cache must not keep its live feed open. If it does, each page
   * a visitor leaves holds one of the six HTTP/1.1 connections Chromium allows per server, and
   * after a few pages the next one never loads (seen here: /en/ timing out after 30 s).
   */
  @Test
  void a_page_left_for_another_closes_its_live_feed() {
    List<String> pages = List.of("/en/", "/en/gallery", "/en/map", "/ru/", "/ru/gallery", "/en/");
    for (String page : pages) open(browser, server.base() + page);
    assertThat(browser.script("return sessionStorage.getItem('vigil-left-open');"))
        .as(
            "pages put into the back/forward cache with their EventSource still open"
                + " (close it on pagehide, reopen on pageshow if persisted)")
        .isNull();
  }

  @Test
  void no_page_has_a_serious_or_critical_accessibility_defect() throws Exception {
    photo();
    Map<String, List<Browser.Violation>> found = new LinkedHashMap<>();
    List<String> pages =
        List.of(
            "/en/",
            "/en/gallery",
            "/ru/",
            "/ru/gallery",
            "/en/map",
            "/ru/map",
            "/en/events/" + event,
            "/ru/events/" + event,
            "/en/widget");
    for (String page : pages) {
      open(browser, server.base() + page, true);
      assertThat(browser.script("return innerWidth;")).as("checked at phone width").isEqualTo(390L);
      found.put("phone " + page, browser.axeViolations());
    }
    try (Browser desktop = Browser.start(Browser.DESKTOP, "en")) {
      for (String page : List.of("/en/", "/en/gallery")) {
        open(desktop, server.base() + page, true);
        found.put("desktop " + page, desktop.axeViolations());
      }
      open(desktop, server.base() + "/en/");
      desktop.screenshot("home-desktop");
      open(desktop, server.base() + "/en/gallery");
      desktop.screenshot("gallery-desktop");
    }
    List<String> problems = new ArrayList<>();
    found.forEach((page, violations) -> violations.forEach(v -> problems.add(page + ": " + v)));
    assertThat(problems)
        .withFailMessage(
            "axe-core found serious or critical violations:%n%s", String.join("\n", problems))
        .isEmpty();
  }

  /** Opens a public page and checks that it is one: an HTML document, not an error. */
  private static void open(Browser b, String url) {
    open(b, url, false);
  }

  /**
   * As {@link #open(Browser, String)}; in a new tab if {@code fresh}, as a first visit: a page
   * checked on its own is not held up by feeds that pages visited before leave open (tested by
   * {@link #a_page_left_for_another_closes_its_live_feed}).
   */
  private static void open(Browser b, String url, boolean fresh) {
    if (fresh) b.openInNewTab(url);
    else b.open(url);
    assertThat(b.script("return document.contentType;"))
        .as("GET %s answers with an HTML page", url)
        .isEqualTo("text/html");
  }

  /** Waits until the page's EventSource on the campaign's live feed is open. */
  private void awaitLiveFeed() {
    String script =
        "return (window.__eventSources || []).some(e => e.readyState === 1"
            + " && e.url.includes('/api/public/live') && e.url.includes('campaign=' + arguments[0]));";
    try {
      browser.await(LIVE, d -> Boolean.TRUE.equals(browser.script(script, campaign)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no open EventSource on /api/public/live?campaign="
              + campaign
              + " within "
              + LIVE
              + "; the page opened "
              + browser.script(
                  "return (window.__eventSources || []).map(e => e.url + ' state ' + e.readyState);")
              + "; console: "
              + browser.console(),
          e);
    }
  }

  private void awaitCount(String count, long expected, String when) {
    try {
      browser.await(LIVE, d -> !Long.valueOf(expected - 1).equals(count(count)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "[data-count=\""
              + count
              + "\"] still "
              + count(count)
              + " "
              + LIVE.toSeconds()
              + " s "
              + when
              + ", expected "
              + expected
              + " without a reload; console: "
              + browser.console(),
          e);
    }
    assertThat(count(count)).as("[data-count=\"%s\"] %s", count, when).isEqualTo(expected);
  }

  /** The number an element shows, whatever separates its digit groups; null if it shows none. */
  private Long count(String name) {
    List<WebElement> found = browser.findAll("[data-count=\"" + name + "\"]");
    if (found.isEmpty()) return null;
    String digits = found.get(0).getText().replaceAll("\\D", "");
    return digits.isEmpty() ? null : Long.parseLong(digits);
  }

  private String created(String path, String json) {
    Response r = server.post(path, json, COORDINATOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  /** Reports one more detention at the event, by a coordinator (confirmed) or an operator. */
  private void report(String eventId, Role by) {
    int n = names.getAndIncrement();
    // Names and birth years unlike each other, so that linkage sees a new person each time.
    String json =
        "{\"name\": \"%s\", \"birth_year\": %d, \"event\": \"%s\", \"detained_at\": \"%s\","
                .formatted(
                    PEOPLE.get(n % PEOPLE.size()),
                    1950 + n * 3 % 50,
                    eventId,
                    OffsetDateTime.of(2021, 1, 23, 14, n % 60, 0, 0, ZoneOffset.ofHours(3)))
            + " \"source\": \"relative\", \"consent\": \"none\"}";
    Response r =
        server.post("/api/reports", json, by, "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  /** The photo's id, which any size of it served names: /media/ID.jpg gives ID. */
  private static String photoId(String url) {
    return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\.jpg$", "");
  }

  /** Publishes a photo of the campaign once and returns its URL. */
  private synchronized String photo() throws Exception {
    if (photoUrl != null) return photoUrl;
    BufferedImage image = new BufferedImage(640, 427, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x1f3a5f), 640, 427, new Color(0xc8d6e5)));
    g.fillRect(0, 0, 640, 427);
    g.setColor(Color.WHITE);
    g.fillOval(260, 150, 120, 120);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("caption", "Pushkin Square, 23 January 2021");
    fields.put("credit", "Photographer / Agency");
    fields.put("campaign", campaign);
    fields.put("event", event);
    Response r = server.uploadPhoto(jpeg.toByteArray(), fields, EDITOR);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    photoUrl = r.json().get("url").asText();
    return photoUrl;
  }
}
