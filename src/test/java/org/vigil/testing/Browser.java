package org.vigil.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver, for tests that look at the
 * public pages as a person's browser shows them: it opens pages, saves screenshots under {@code
 * target/screenshots/} and runs axe-core (vendored in {@code src/test/resources/axe/}, MPL-2.0) for
 * accessibility defects.
 *
 * <p>Nothing is downloaded: the driver and the browser are the machine's ({@code .ci/run} installs
 * them), so Selenium Manager never runs. Without them a test is skipped on a laptop and fails under
 * CI=true, as {@link TestDatabase} does for PostgreSQL.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** A phone held upright (an iPhone 12–15's CSS pixels): the pages are built mobile first. */
  public static final Dimension PHONE = new Dimension(390, 844);

  /** A laptop's window. */
  public static final Dimension DESKTOP = new Dimension(1280, 900);

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The impacts a page must not have; axe's other two are moderate and minor. */
  public static final Set<String> BLOCKING = Set.of("serious", "critical");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Selenium warns that it has no CDP bindings for each new Chromium version; these tests use only
   * WebDriver and chromedriver's own CDP pass-through, which need none. Held: loggers are weak.
   */
  private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP_LOG.setLevel(Level.SEVERE);
  }

  private static String axeSource;

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A phone-sized browser that asks for English pages. */
  public static Browser start() {
    return start(PHONE, "en");
  }

  /**
   * A browser of this size whose Accept-Language is {@code language}. At {@link #PHONE} size it
   * emulates a phone (touch, the viewport meta tag honoured); at any other it is a desktop window.
   */
  public static Browser start(Dimension size, String language) {
    requireInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("vigil-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--hide-scrollbars",
        "--lang=" + language,
        "--user-data-dir=" + profile,
        "--window-size=" + size.width + "," + size.height);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    if (size.equals(PHONE)) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width", size.width, "height", size.height, "pixelRatio", 1.0, "touch", true)));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver's path is given, so Selenium never looks for (or downloads) one of its own.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    ChromeDriverService.Builder builder =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort();
    // -Dbrowser.log=FILE: chromedriver's verbose log (every DevTools message) for a failing test.
    String log = System.getProperty("browser.log");
    if (log != null && !log.isBlank()) builder.withLogFile(new File(log)).withVerbose(true);
    ChromeDriverService service = builder.build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  private static void requireInstalled() {
    List<String> missing = new ArrayList<>();
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) if (!Files.isExecutable(p)) missing.add("" + p);
    if (missing.isEmpty()) return;
    String message =
        String.join(" and ", missing)
            + " missing: install Debian's chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver; .ci/run does)";
    if ("true".equals(System.getenv("CI"))) {
      fail("The browser tests must run under CI=true, but " + message);
    }
    Assumptions.abort(message);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a URL and waits until the page has loaded. */
  public void open(String url) {
    driver.get(url);
  }

  /**
   * Opens a URL in a new tab and closes the old one, so that no page visited before stays in the
   * tab's back/forward cache (with whatever connections it holds). Scripts given to {@link
   * #beforeEachPage} belong to the old tab and do not run in the new one.
   */
  public void openInNewTab(String url) {
    String old = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    String fresh = driver.getWindowHandle();
    driver.switchTo().window(old).close();
    driver.switchTo().window(fresh);
    driver.get(url);
  }

  /** Runs this JavaScript in every page opened from now on, before the page's own scripts. */
  public void beforeEachPage(String js) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", js));
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Runs JavaScript in the page; {@code arguments[i]} are the args. */
  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Waits until the condition gives a value other than null or false, and returns it. */
  public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
  }

  /**
   * Saves the whole page (not only what the window shows) as {@code target/screenshots/NAME.png}
   * and returns the file.
   */
  public Path screenshot(String name) {
    byte[] png;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> size =
          (Map<String, Object>)
              script(
                  "const e = document.documentElement;"
                      + " return {w: Math.max(e.scrollWidth, window.innerWidth),"
                      + " h: Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0,"
                      + " window.innerHeight)};");
      long width = ((Number) size.get("w")).longValue();
      long height = Math.min(((Number) size.get("h")).longValue(), 16_000);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      png = Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException cdpUnavailable) {
      png = driver.getScreenshotAs(OutputType.BYTES); // what the window shows
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the page wrote to its console (errors, failed loads, logs) since the last call. */
  public List<String> console() {
    List<String> lines = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      lines.add(e.getLevel() + " " + e.getMessage());
    }
    return lines;
  }

  /** The page's accessibility violations of serious or critical impact, found by axe-core. */
  public List<Violation> axeViolations() {
    return axeViolations(BLOCKING);
  }

  /** The page's accessibility violations whose impact is one of {@code impacts}. */
  public List<Violation> axeViolations(Set<String> impacts) {
    if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
      script(axeSource());
    }
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(JSON.stringify(r.violations)))"
                    + ".catch(e => done('axe failed: ' + e));");
    String json = String.valueOf(result);
    if (json.startsWith("axe failed")) throw new IllegalStateException(json);
    List<Violation> found = new ArrayList<>();
    try {
      for (JsonNode v : JSON.readTree(json)) {
        String impact = v.path("impact").asText();
        if (!impacts.contains(impact)) continue;
        List<String> targets = new ArrayList<>();
        for (JsonNode node : v.path("nodes")) {
          targets.add(node.path("target").toString());
        }
        found.add(
            new Violation(
                v.path("id").asText(),
                impact,
                v.path("help").asText(),
                v.path("helpUrl").asText(),
                targets));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("axe answered: " + json, e);
    }
    return found;
  }

  private static synchronized String axeSource() {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
        if (in == null) throw new IllegalStateException("no /axe/axe.min.js on the classpath");
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }

  /**
   * One axe rule a page breaks: its id (e.g. {@code color-contrast}), impact, what it asks for, and
   * the CSS selectors of the elements that break it.
   */
  public record Violation(
      String rule, String impact, String help, String helpUrl, List<String> targets) {
    @Override
    public String toString() {
      return rule
          + " ("
          + impact
          + "): "
          + help
          + " at "
          + String.join(", ", targets)
          + " — "
          + helpUrl;
    }
  }
}
