package org.vigil.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.security.Totp;

/**
 * A person at the console without a browser: an HTTP client that keeps the session cookie and sends
 * what a browser's own pages send (Sec-Fetch-Site: same-origin, the form's CSRF field), so a test
 * can also leave any of it out.
 */
public final class ConsoleUser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]*)\"");
  private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient(); // follows no redirect
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();
  public String cookieName = "vigil-session";
  public String cookie;
  public byte[] secret;

  public ConsoleUser(TestVigil server) {
    this(server.base());
  }

  /** A user of the server at {@code base} (e.g. http://127.0.0.1:8080), started elsewhere. */
  public ConsoleUser(String base) {
    this.base = base;
  }

  /** Sends this header with every request (e.g. X-Forwarded-Proto from a proxy). */
  public ConsoleUser header(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  /** Accepts an invitation with this password and the current code; keeps the cookie it sets. */
  public TestVigil.Response accept(String token, String password, java.time.Clock clock) {
    TestVigil.Response page = get("/console/invite/" + token);
    Matcher m = SECRET.matcher(page.body());
    if (!m.find()) throw new AssertionError("no secret on the invitation page: " + page);
    secret = Totp.fromBase32(m.group(1).replace(" ", ""));
    return post(
        "/console/invite/" + token,
        form(
            "password",
            password,
            "repeat",
            password,
            "code",
            Totp.code(secret, Totp.step(clock.instant()))),
        "same-origin");
  }

  /** Posts a well-formed acceptance to an invitation that is expected to be gone. */
  public TestVigil.Response accept404(String token) {
    return post(
        "/console/invite/" + token,
        form("password", "x".repeat(20), "repeat", "x".repeat(20), "code", "000000"),
        "same-origin");
  }

  /** Signs in with the code of the clock's current step. */
  public TestVigil.Response signIn(String name, String password, java.time.Clock clock) {
    return signIn(name, password, Totp.code(secret, Totp.step(clock.instant())));
  }

  public TestVigil.Response signIn(String name, String password, String code) {
    return post(
        "/console/login", form("name", name, "password", password, "code", code), "same-origin");
  }

  /** The CSRF token the console's pages carry for this session. */
  public String csrf() {
    Matcher m = CSRF.matcher(get("/console/").body());
    if (!m.find()) throw new AssertionError("no CSRF token");
    return m.group(1);
  }

  public TestVigil.Response get(String path) {
    return send(builder(path).GET());
  }

  /** A form post; {@code fetchSite} null sends no Sec-Fetch-Site header. */
  public TestVigil.Response post(String path, String form, String fetchSite, String... headers) {
    HttpRequest.Builder b =
        builder(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (fetchSite != null) b.header("Sec-Fetch-Site", fetchSite);
    if (headers.length > 0) b.headers(headers);
    return send(b);
  }

  /** A JSON post with the cookie, as console.js sends one. */
  public TestVigil.Response postJson(String path, String json, String... headers) {
    HttpRequest.Builder b =
        builder(path)
            .header("Content-Type", "application/json")
            .header("Sec-Fetch-Site", "same-origin")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) b.headers(headers);
    return send(b);
  }

  /** A body sent as is (a multipart form), from a console page as a browser sends it. */
  public TestVigil.Response postBody(String path, String contentType, byte[] body) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .header("Sec-Fetch-Site", "same-origin")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) out.append('&');
      out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    extraHeaders.forEach(b::header);
    if (cookie != null) b.header("Cookie", cookieName + "=" + cookie);
    return b;
  }

  private TestVigil.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        if (set.startsWith("vigil-session=") || set.startsWith("__Host-vigil-session=")) {
          cookieName = set.substring(0, set.indexOf('='));
          String value = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
          cookie = value.isEmpty() ? null : value;
        }
      }
      return new TestVigil.Response(response);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
