package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.Vigil;
import org.vigil.http.Api;
import org.vigil.http.Cidr;
import org.vigil.security.Role;
import org.vigil.security.Totp;
import org.vigil.testing.ConsoleUser;
import org.vigil.testing.MutableClock;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.vigil.testing.TestVigil.Response;

/**
 * Signing in to the console over real HTTP, on SQLite and PostgreSQL, with a clock the test moves:
 * invitations, lockouts, session expiry, disabling, CSRF and the cookie's attributes.
 */
class SignInTest {
  static final String PASSWORD = "long evening train to Tver 17";
  @TempDir Path dir;

  private TestVigil start(TestDatabase db, MutableClock clock, List<Cidr> proxies) {
    return TestVigil.start(
        db,
        dir.resolve("keyset.json"),
        proxies,
        new Vigil.ConsoleSettings(
            "https://vigil.example.org", Duration.ofMinutes(30), Duration.ofHours(12), clock));
  }

  /** A user who has accepted an invitation, signed in. */
  private static ConsoleUser member(TestVigil server, MutableClock clock, String name, Role role) {
    String token = server.vigil().invitations().invite(name, role, null, null).token();
    ConsoleUser user = new ConsoleUser(server);
    Response accepted = user.accept(token, PASSWORD, clock);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(303);
    return user;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void an_invitation_is_good_once_and_for_24_hours(TestDatabase.Kind kind) throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      String token =
          server.vigil().invitations().invite("anna", Role.COORDINATOR, null, null).token();
      ConsoleUser anna = new ConsoleUser(server);
      Response page = anna.get("/console/invite/" + token);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<svg", "id=\"secret\"", "anna").doesNotContain("<script>");
      assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
      assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");

      Response accepted = anna.accept(token, PASSWORD, clock);
      assertThat(accepted.status()).isEqualTo(303);
      assertThat(accepted.header("Location")).isEqualTo("/console/");
      assertThat(anna.get("/console/").status()).isEqualTo(200);
      // the TOTP secret is ciphertext at rest, in the user's row and the invitation's
      String secretText = Totp.base32(anna.secret);
      List<byte[]> stored =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT totp_secret_enc FROM users WHERE name = 'anna' UNION ALL"
                                  + " SELECT totp_secret_enc FROM invitations")
                          .mapTo(byte[].class)
                          .list());
      assertThat(stored).hasSize(2);
      for (byte[] cipher : stored) {
        assertThat(new String(cipher, java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain(secretText)
            .doesNotContain(new String(anna.secret, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      String phc =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT password_hash FROM users WHERE name = 'anna'")
                          .mapTo(String.class)
                          .one());
      assertThat(phc).startsWith("$argon2id$v=19$m=65536,t=3,p=1$").doesNotContain(PASSWORD);
      // once only: the page and the form are gone
      assertThat(new ConsoleUser(server).get("/console/invite/" + token).status()).isEqualTo(404);
      Response again = new ConsoleUser(server).accept404(token);
      assertThat(again.status()).isEqualTo(404);

      // 24 hours: good a second before, gone at the hour
      String later = server.vigil().invitations().invite("boris", Role.EDITOR, null, null).token();
      clock.advance(Duration.ofHours(24).minusSeconds(1));
      assertThat(new ConsoleUser(server).get("/console/invite/" + later).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
      assertThat(new ConsoleUser(server).get("/console/invite/" + later).status()).isEqualTo(404);

      // a newer invitation replaces an open one
      String first = server.vigil().invitations().invite("boris", null, null, null).token();
      String second = server.vigil().invitations().invite("boris", null, null, null).token();
      assertThat(new ConsoleUser(server).get("/console/invite/" + first).status()).isEqualTo(404);
      assertThat(new ConsoleUser(server).get("/console/invite/" + second).status()).isEqualTo(200);

      // a user made by `user add` keeps their token and gets console credentials by invitation
      server.vigil().accounts().addUser("vera", Role.COORDINATOR);
      String veraToken = server.vigil().accounts().createToken("vera");
      String vera = server.vigil().invitations().invite("vera", null, null, null).token();
      ConsoleUser veraBrowser = new ConsoleUser(server);
      clock.advance(Duration.ofSeconds(30));
      assertThat(veraBrowser.accept(vera, PASSWORD, clock).status()).isEqualTo(303);
      Response withToken =
          server.send(
              server
                  .request("/api/review", null)
                  .header("Authorization", "Bearer " + veraToken)
                  .GET()
                  .build());
      assertThat(withToken.status()).isEqualTo(200);
      // only hashes are stored
      Integer plain =
          server
              .vigil()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM invitations WHERE hash = :t")
                          .bind("t", vera)
                          .mapTo(Integer.class)
                          .one());
      assertThat(plain).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_invitation_refuses_weak_passwords_and_a_wrong_code(TestDatabase.Kind kind)
      throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      String token = server.vigil().invitations().invite("gleb", Role.OPERATOR, null, null).token();
      ConsoleUser gleb = new ConsoleUser(server).header("Accept-Language", "en");
      for (String[] weak :
          new String[][] {
            {"fourteen chars", "at least 15 characters"},
            {"1qaz2wsx3edc4rfv", "most common"},
            {"my name is gleb, hello", "user name"}
          }) {
        Response r = gleb.accept(token, weak[0], clock);
        assertThat(r.status()).as(weak[0]).isEqualTo(422);
        assertThat(r.body()).as(weak[0]).contains(weak[1]);
      }
      Response wrongCode =
          gleb.post(
              "/console/invite/" + token,
              ConsoleUser.form("password", PASSWORD, "repeat", PASSWORD, "code", "000000"),
              "same-origin");
      assertThat(wrongCode.status()).isEqualTo(422);
      assertThat(wrongCode.body()).contains("current one");
      Response differ =
          gleb.post(
              "/console/invite/" + token,
              ConsoleUser.form(
                  "password",
                  PASSWORD,
                  "repeat",
                  PASSWORD + "!",
                  "code",
                  Totp.code(gleb.secret, Totp.step(clock.instant()))),
              "same-origin");
      assertThat(differ.status()).isEqualTo(422);
      assertThat(differ.body()).contains("not the same");
      // from another site: refused before anything is checked
      assertThat(
              gleb.post(
                      "/console/invite/" + token,
                      ConsoleUser.form("password", PASSWORD, "repeat", PASSWORD, "code", "1"),
                      "cross-site")
                  .status())
          .isEqualTo(403);
      assertThat(gleb.accept(token, PASSWORD, clock).status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void failed_sign_ins_of_an_account_are_slowed_then_refused(TestDatabase.Kind kind)
      throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      ConsoleUser dina = member(server, clock, "dina", Role.OPERATOR);
      clock.advance(Duration.ofSeconds(30));
      ConsoleUser browser = new ConsoleUser(server).header("Accept-Language", "en");
      browser.secret = dina.secret;

      Response wrongPassword = browser.signIn("dina", PASSWORD + "x", clock);
      Response wrongCode = browser.signIn("dina", PASSWORD, "123456");
      Response unknown = browser.signIn("nobody", PASSWORD, clock);
      for (Response r : List.of(wrongPassword, wrongCode, unknown)) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("The name, password or code is not right");
        assertThat(r.header("Set-Cookie")).isNull();
      }
      // dina has 2 failures, then the third and fourth; from the fifth on each waits
      int failures = 2;
      int refusals = 0;
      while (failures < 10) {
        Response r = browser.signIn("dina", "wrong but long enough", "000000");
        if (r.status() == 429) {
          refusals++;
          assertThat(r.body()).contains("Too many failed sign-ins");
          clock.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
        } else {
          assertThat(r.status()).isEqualTo(401);
          failures++;
          if (failures > 3) {
            // straight after a failure past the free ones: wait
            assertThat(browser.signIn("dina", PASSWORD, clock).status()).isEqualTo(429);
          }
        }
      }
      assertThat(refusals).isGreaterThanOrEqualTo(6);
      // locked: even the right password and code are refused, for 15 minutes
      Response locked = browser.signIn("dina", PASSWORD, clock);
      assertThat(locked.status()).isEqualTo(429);
      assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(890L, 900L);
      assertThat(locked.body()).contains("15 minutes");
      clock.advance(Duration.ofMinutes(15));
      Response in = browser.signIn("dina", PASSWORD, clock);
      assertThat(in.status()).isEqualTo(303);
      // the code of that step is spent
      ConsoleUser replay = new ConsoleUser(server);
      replay.secret = dina.secret;
      assertThat(replay.signIn("dina", PASSWORD, clock).status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void failed_sign_ins_from_an_address_are_slowed_then_refused(TestDatabase.Kind kind)
      throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of(Cidr.parse("127.0.0.1/32")))) {
      ConsoleUser emil = member(server, clock, "emil", Role.EDITOR);
      clock.advance(Duration.ofSeconds(30));
      ConsoleUser attacker = new ConsoleUser(server).header("X-Forwarded-For", "203.0.113.7");
      int failures = 0;
      while (failures < 50) {
        // a fresh name each time: no account reaches its own limit
        Response r = attacker.signIn("guess" + failures, PASSWORD, "000000");
        if (r.status() == 429) {
          clock.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
        } else {
          assertThat(r.status()).isEqualTo(401);
          failures++;
        }
      }
      attacker.secret = emil.secret;
      Response refused = attacker.signIn("emil", PASSWORD, clock);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(Long.parseLong(refused.header("Retry-After"))).isGreaterThan(800);
      // another address is not held back by it
      ConsoleUser elsewhere = new ConsoleUser(server).header("X-Forwarded-For", "198.51.100.2");
      elsewhere.secret = emil.secret;
      assertThat(elsewhere.signIn("emil", PASSWORD, clock).status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void sessions_end_when_idle_when_old_and_on_sign_out(TestDatabase.Kind kind) throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      ConsoleUser fedor = member(server, clock, "fedor", Role.LAWYER);
      clock.advance(Duration.ofMinutes(29));
      assertThat(fedor.get("/console/").status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(29)); // 58 minutes in, but used 29 minutes ago
      assertThat(fedor.get("/console/").status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(30));
      Response idle = fedor.get("/console/");
      assertThat(idle.status()).isEqualTo(303);
      assertThat(idle.header("Location")).isEqualTo("/console/login");

      // absolute lifetime: used every 20 minutes, it still ends 12 hours after sign-in
      clock.advance(Duration.ofSeconds(30));
      Response in = fedor.signIn("fedor", PASSWORD, clock);
      assertThat(in.status()).isEqualTo(303);
      for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
        clock.advance(Duration.ofMinutes(20));
        assertThat(fedor.get("/console/").status()).as("after %d minutes", minutes).isEqualTo(200);
      }
      clock.advance(Duration.ofMinutes(20));
      assertThat(fedor.get("/console/").status()).isEqualTo(303);

      // sign-out
      clock.advance(Duration.ofSeconds(30));
      assertThat(fedor.signIn("fedor", PASSWORD, clock).status()).isEqualTo(303);
      String session = fedor.cookie;
      String csrf = fedor.csrf();
      Response out = fedor.post("/console/logout", ConsoleUser.form("_csrf", csrf), "same-origin");
      assertThat(out.status()).isEqualTo(303);
      assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
      fedor.cookie = session; // a copy of the cookie kept from before
      assertThat(fedor.get("/console/").status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void disabling_ends_every_session_and_token_at_once(TestDatabase.Kind kind) throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      ConsoleUser admin = member(server, clock, "galina", Role.ADMIN);
      ConsoleUser ivan = member(server, clock, "ivan", Role.COORDINATOR);
      clock.advance(Duration.ofSeconds(30));
      ConsoleUser ivanPhone = new ConsoleUser(server);
      ivanPhone.secret = ivan.secret;
      assertThat(ivanPhone.signIn("ivan", PASSWORD, clock).status()).isEqualTo(303);
      String token = server.vigil().accounts().createToken("ivan");
      Response before =
          server.send(
              server
                  .request("/api/review", null)
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build());
      assertThat(before.status()).isEqualTo(200); // and now cached for 10 s

      String ivanId = server.vigil().accounts().findUser("ivan").orElseThrow().userId();
      Response disabled =
          admin.post(
              "/console/admin/users/" + ivanId + "/disable",
              ConsoleUser.form("_csrf", admin.csrf()),
              "same-origin");
      assertThat(disabled.status()).isEqualTo(303);
      assertThat(admin.get("/console/admin").body()).contains("data-user=\"ivan\"");

      assertThat(ivan.get("/console/").status()).isEqualTo(303);
      assertThat(ivanPhone.get("/console/").status()).isEqualTo(303);
      Response after =
          server.send(
              server
                  .request("/api/review", null)
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build());
      assertThat(after.status()).isEqualTo(401);
      clock.advance(Duration.ofSeconds(30));
      assertThat(ivanPhone.signIn("ivan", PASSWORD, clock).status()).isEqualTo(401);
      // an admin cannot disable themselves
      String adminId = server.vigil().accounts().findUser("galina").orElseThrow().userId();
      assertThat(
              admin
                  .post(
                      "/console/admin/users/" + adminId + "/disable",
                      ConsoleUser.form("_csrf", admin.csrf()),
                      "same-origin")
                  .status())
          .isEqualTo(422);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_cookie_needs_the_csrf_token_and_the_same_origin_to_change_anything(TestDatabase.Kind kind)
      throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      ConsoleUser admin = member(server, clock, "hanna", Role.ADMIN);
      String csrf = admin.csrf();
      String invite = ConsoleUser.form("_csrf", csrf, "name", "kira", "role", "operator");
      String noToken = ConsoleUser.form("name", "kira", "role", "operator");
      String origin = "Origin";
      assertThat(admin.post("/console/admin/invitations", noToken, "same-origin").status())
          .isEqualTo(403);
      assertThat(
              admin
                  .post(
                      "/console/admin/invitations",
                      ConsoleUser.form("_csrf", "x" + csrf, "name", "kira", "role", "operator"),
                      "same-origin")
                  .status())
          .isEqualTo(403);
      assertThat(admin.post("/console/admin/invitations", invite, "cross-site").status())
          .isEqualTo(403);
      assertThat(admin.post("/console/admin/invitations", invite, "same-site").status())
          .isEqualTo(403);
      assertThat(
              admin
                  .post("/console/admin/invitations", invite, null, origin, "http://evil.example")
                  .status())
          .isEqualTo(403);
      assertThat(admin.post("/console/admin/invitations", invite, null).status()).isEqualTo(403);
      assertThat(server.vigil().accounts().findUser("kira")).isEmpty();
      // an older browser without Sec-Fetch-Site, from Vigil's own origin
      Response made = admin.post("/console/admin/invitations", invite, null, origin, server.base());
      assertThat(made.status()).isEqualTo(200);
      assertThat(made.body()).contains("https://vigil.example.org/console/invite/");

      // the JSON API with the cookie: the header token is needed
      String campaign = "{\"title\": \"Test campaign\", \"starts_on\": \"2021-01-23\"}";
      assertThat(admin.postJson("/api/campaigns", campaign).status()).isEqualTo(403);
      assertThat(admin.postJson("/api/campaigns", campaign, "X-CSRF-Token", csrf).status())
          .isEqualTo(201);
      // a bearer token needs none of it
      assertThat(server.post("/api/campaigns", campaign, Role.ADMIN).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void signed_out_every_console_page_leads_to_the_sign_in(TestDatabase.Kind kind) throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      // data a page could show
      member(server, clock, "lidia", Role.ADMIN);
      int checked = 0;
      for (Api.Route route : server.vigil().routes()) {
        if (!route.path().startsWith("/console")) continue;
        if (route.path().equals("/console/login") || route.path().startsWith("/console/invite/")) {
          assertThat(route.roles()).isEmpty();
          continue;
        }
        assertThat(route.roles()).as(route.path()).isNotEmpty();
        String path = route.path().replaceAll("\\{[^}]+}", "x");
        for (String cookie : new String[] {null, "forged-session-id-of-forty-three-characters"}) {
          ConsoleUser stranger = new ConsoleUser(server);
          stranger.cookie = cookie;
          Response r =
              route.method().equals("GET")
                  ? stranger.get(path)
                  : stranger.post(path, ConsoleUser.form("_csrf", "x"), "same-origin");
          assertThat(r.status()).as(route.method() + " " + path).isEqualTo(303);
          assertThat(r.header("Location")).isEqualTo("/console/login");
          assertThat(r.body()).isEmpty();
          checked++;
        }
      }
      assertThat(checked).isGreaterThanOrEqualTo(8);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_cookie_is_secure_with_the_host_prefix_over_https(TestDatabase.Kind kind)
      throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of(Cidr.parse("127.0.0.1/32")))) {
      String plain = server.vigil().invitations().invite("mila", Role.EDITOR, null, null).token();
      ConsoleUser overHttp = new ConsoleUser(server);
      String cookie = overHttp.accept(plain, PASSWORD, clock).header("Set-Cookie");
      assertThat(cookie)
          .startsWith("vigil-session=")
          .contains("; Path=/", "; HttpOnly", "; SameSite=Strict")
          .doesNotContain("Secure");

      String secure = server.vigil().invitations().invite("nina", Role.EDITOR, null, null).token();
      ConsoleUser overHttps = new ConsoleUser(server).header("X-Forwarded-Proto", "https");
      Response accepted = overHttps.accept(secure, PASSWORD, clock);
      assertThat(accepted.header("Set-Cookie"))
          .startsWith("__Host-vigil-session=")
          .contains("; Path=/", "; HttpOnly", "; SameSite=Strict", "; Secure")
          .doesNotContain("Domain");
      assertThat(overHttps.get("/console/").status()).isEqualTo(200);
      // the plain cookie's name is not read over https, nor the other way round
      ConsoleUser mixed = new ConsoleUser(server);
      mixed.cookieName = "vigil-session";
      mixed.cookie = overHttps.cookie;
      mixed.header("X-Forwarded-Proto", "https");
      assertThat(mixed.get("/console/").status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_forwarded_proto_from_an_untrusted_peer_is_ignored(TestDatabase.Kind kind)
      throws Exception {
    MutableClock clock = MutableClock.atStepStart();
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = start(db, clock, List.of())) {
      String token = server.vigil().invitations().invite("olga", Role.EDITOR, null, null).token();
      ConsoleUser user = new ConsoleUser(server).header("X-Forwarded-Proto", "https");
      assertThat(user.accept(token, PASSWORD, clock).header("Set-Cookie"))
          .startsWith("vigil-session=")
          .doesNotContain("Secure");
    }
  }
}
