package org.vigil.http;

import io.javalin.http.Context;

/**
 * Whether a state-changing request was sent by a page of Vigil itself. Browsers say where a request
 * comes from in {@code Sec-Fetch-Site} (Chrome 76, Firefox 90, Safari 16.4) and, for every POST, in
 * {@code Origin}; a script on another site can set neither. This is the first of two checks on a
 * request that a cookie authenticates, the second being the session's CSRF token: either alone
 * would stop a forged form today, both together also hold if one is ever bypassed (a browser bug, a
 * page of Vigil's own origin that could be made to post).
 */
public final class SameOrigin {
  private SameOrigin() {}

  /**
   * Why the request is not from Vigil's own pages, or null if it is: {@code Sec-Fetch-Site} must
   * say {@code same-origin}; a browser too old to send it must send an {@code Origin} equal to this
   * server's (its scheme and {@code Host}); a request with neither is refused.
   */
  public static String refusal(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") ? null : "a request from another site (" + site + ")";
    }
    String origin = ctx.header("Origin");
    if (origin == null) return "a request that says neither Sec-Fetch-Site nor Origin";
    String own = (SessionCookie.https(ctx) ? "https://" : "http://") + ctx.host();
    return origin.equalsIgnoreCase(own) ? null : "a request from another origin (" + origin + ")";
  }
}
