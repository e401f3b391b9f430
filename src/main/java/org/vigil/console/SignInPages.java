package org.vigil.console;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.http.Api;
import org.vigil.http.SameOrigin;
import org.vigil.http.SessionCookie;
import org.vigil.security.Invitations;
import org.vigil.security.Sessions;
import org.vigil.security.SignIn;
import org.vigil.site.Texts;

/** Signing in and out, and accepting an invitation: the console's only pages open to anyone. */
public final class SignInPages {
  private SignInPages() {}

  /** The sign-in form, with what went wrong last time (never which part). */
  public record LoginView(String name, String error) {}

  /**
   * An invitation's page: who is invited, the authenticator to enrol (QR code and the secret as
   * text), and the fields that were wrong on the last try.
   */
  public record InviteView(
      String token,
      String userName,
      String role,
      QrSvg qr,
      String secret,
      Instant expiresAt,
      Map<String, String> errors) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  static void register(Console console, SignIn signIn, Invitations invitations, Sessions sessions) {
    console.page("/console/login", "login", r -> new LoginView("", null));
    console.form(
        "/console/login",
        r -> {
          String name = r.field("name");
          Texts t = r.texts();
          String foreign = SameOrigin.refusal(r.ctx());
          if (foreign != null) {
            r.ctx().status(403);
            r.render("login", new LoginView(name, t.get("login.foreign")));
            return;
          }
          switch (signIn.attempt(name, r.field("password"), r.field("code"), Api.client(r.ctx()))) {
            case SignIn.Success s -> {
              SessionCookie.set(r.ctx(), s.session().id(), sessions.lifetime());
              r.redirect("/console/");
            }
            case SignIn.Failure f -> {
              r.ctx().status(401);
              r.render("login", new LoginView(name, t.get("login.wrong")));
            }
            case SignIn.Throttled th -> {
              long seconds = Math.max(1, (th.retryAfter().toMillis() + 999) / 1000);
              r.ctx().status(429).header("Retry-After", Long.toString(seconds));
              r.render(
                  "login",
                  new LoginView(
                      name, t.format("login.throttled", Map.of("wait", wait(t, th.retryAfter())))));
            }
          }
        });
    console.form(
        "/console/logout",
        r -> {
          sessions.end(SessionCookie.read(r.ctx()));
          SessionCookie.clear(r.ctx());
          r.redirect("/console/login");
        },
        Console.STAFF);
    console.page(
        "/console/invite/{token}",
        "invite",
        r -> {
          var open = invitations.find(r.param("token"));
          if (open.isEmpty()) {
            r.ctx().status(404);
            return null;
          }
          return view(r.param("token"), open.get(), r.texts(), Map.of());
        });
    console.form(
        "/console/invite/{token}",
        r -> {
          String token = r.param("token");
          String foreign = SameOrigin.refusal(r.ctx());
          if (foreign != null) {
            r.ctx().status(403);
            r.render("forbidden", "stale");
            return;
          }
          try {
            Sessions.Opened session =
                invitations.accept(token, r.field("password"), r.field("repeat"), r.field("code"));
            SessionCookie.set(r.ctx(), session.id(), sessions.lifetime());
            r.redirect("/console/");
          } catch (Invitations.Refused refused) {
            var open = invitations.find(token);
            if (open.isEmpty()) {
              r.ctx().status(404);
              r.render("invite", null);
              return;
            }
            r.ctx().status(422);
            r.render("invite", view(token, open.get(), r.texts(), refused.fields()));
          }
        });
  }

  private static InviteView view(
      String token, Invitations.Open open, Texts t, Map<String, String> errors) {
    Map<String, String> shown = new LinkedHashMap<>();
    // what was wrong, in the reader's language: invite.error.repeat, invite.error.password.short, …
    errors.forEach((field, wrong) -> shown.put(field, t.get("invite.error." + wrong)));
    return new InviteView(
        token,
        open.user().name(),
        t.get("role." + open.user().role().code()),
        QrSvg.of(open.otpauth()),
        spaced(open.secretText()),
        open.expiresAt(),
        shown);
  }

  /** The secret in groups of four, as it is typed into an app by hand. */
  static String spaced(String secret) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < secret.length(); i += 4) {
      if (i > 0) out.append(' ');
      out.append(secret, i, Math.min(secret.length(), i + 4));
    }
    return out.toString();
  }

  private static String wait(Texts t, Duration d) {
    long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
    if (seconds < 120) return t.format("wait.seconds", Map.of("n", seconds));
    return t.format("wait.minutes", Map.of("n", (seconds + 59) / 60));
  }
}
