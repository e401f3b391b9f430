package org.vigil.http;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The cookie that carries a console session's id: {@code HttpOnly} (no script reads it), {@code
 * SameSite=Strict} (no other site's page makes the browser send it), {@code Path=/}; over HTTPS
 * also {@code Secure} and named with the {@code __Host-} prefix, which browsers accept only from a
 * secure origin without a Domain, so neither a plain-HTTP page nor a sibling subdomain can plant or
 * overwrite it. Over plain HTTP (a laptop, a test) it is {@code vigil-session}; a request is read
 * with the name its own scheme calls for, never the other.
 */
public final class SessionCookie {
  static final String PLAIN = "vigil-session";
  static final String SECURE = "__Host-vigil-session";

  private SessionCookie() {}

  /** The cookie's name for this request's scheme. */
  public static String name(Context ctx) {
    return https(ctx) ? SECURE : PLAIN;
  }

  /** The session id the request carries, or null. */
  public static String read(Context ctx) {
    return ctx.cookie(name(ctx));
  }

  /** Sets the session cookie; it expires with the session's absolute lifetime. */
  public static void set(Context ctx, String id, Duration lifetime) {
    ctx.res().addHeader("Set-Cookie", value(ctx, id, lifetime.toSeconds()));
  }

  /** Tells the browser to forget the cookie. */
  public static void clear(Context ctx) {
    ctx.res().addHeader("Set-Cookie", value(ctx, "", 0));
  }

  /** Whether the client reached Vigil over HTTPS (see {@link ClientAddress#https}). */
  public static boolean https(Context ctx) {
    return ctx.appData(Api.CLIENT_ADDRESS).https(ctx);
  }

  private static String value(Context ctx, String id, long maxAge) {
    boolean secure = https(ctx);
    return (secure ? SECURE : PLAIN)
        + "="
        + id
        + "; Path=/; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
