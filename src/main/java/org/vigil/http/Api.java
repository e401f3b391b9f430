package org.vigil.http;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.security.RouteRole;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.security.Sessions;

/**
 * Where the capabilities register their routes, each with the roles allowed to call it. A route
 * registered without roles is public. The check itself is {@link WebServer}'s, run before each
 * handler with the roles the route was registered with (not looked up again per request).
 */
public final class Api {
  static final String PRINCIPAL = "vigil.principal";
  static final String SESSION = "vigil.session";
  private static final String REFUSAL = "vigil.refusal";

  /** Where a signed-out browser is sent from every page that needs a role. */
  public static final String SIGN_IN_PAGE = "/console/login";

  static final Key<ClientAddress> CLIENT_ADDRESS = new Key<>("vigil.client-address");
  private final Javalin app;
  private final Guard guard;
  private final List<Route> routes = new ArrayList<>();
  private volatile Runnable afterWrites = () -> {};
  private volatile Handler refusedPage =
      ctx -> {
        throw new ApiError(ctx.statusCode(), "Refused", refusal(ctx), List.of());
      };

  /** Checks a request against the roles of its route before the handler runs; throws to refuse. */
  interface Guard {
    void check(Context ctx, Allowed allowed);
  }

  Api(Javalin app, Guard guard) {
    this.app = app;
    this.guard = guard;
  }

  public void get(String path, Handler handler, Role... roles) {
    add(HandlerType.GET, path, handler, roles);
  }

  public void post(String path, Handler handler, Role... roles) {
    add(HandlerType.POST, path, handler, roles);
  }

  /**
   * A POST that changes nothing: for a question too private for a URL (and so for access logs),
   * such as a name. Unlike other POSTs it does not wake what follows writes (the live count).
   */
  public void postQuestion(String path, Handler handler, Role... roles) {
    add(HandlerType.POST, path, handler, false, false, roles);
  }

  public void patch(String path, Handler handler, Role... roles) {
    add(HandlerType.PATCH, path, handler, roles);
  }

  /**
   * An HTML page (GET) or a form's target (POST) for people in a browser rather than scripts: the
   * same role check as any route, but a signed-out browser is sent (303) to {@link #SIGN_IN_PAGE}
   * instead of answered 401, and any other refusal is shown as {@link #refusedPage} renders it.
   */
  public void page(HandlerType method, String path, Handler handler, Role... roles) {
    if (method != HandlerType.GET && method != HandlerType.POST) {
      throw new IllegalArgumentException("a page is read with GET or sent with POST");
    }
    add(method, path, handler, true, true, roles);
  }

  /** Why a page was refused, for {@link #refusedPage} to say. */
  public static String refusal(Context ctx) {
    return ctx.attribute(REFUSAL);
  }

  /**
   * How a page shows a refusal other than being signed out: the status is set (403 for a role that
   * may not or a forged form, 413 for a form too large, 404, 422 …) and {@link #refusal} says why.
   */
  public void refusedPage(Handler page) {
    refusedPage = page;
  }

  /**
   * A stream of server-sent events, public or (with roles) for staff, checked like any route before
   * it opens: each client is handed over open, to keep and write to from other threads, without
   * holding a thread of its own.
   */
  public void sse(String path, Consumer<SseClient> client, Role... roles) {
    SseHandler stream = new SseHandler(0, client);
    add(
        HandlerType.GET,
        path,
        ctx -> {
          if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new ApiError(
                406,
                "Not acceptable",
                "this is a stream of server-sent events: send Accept: text/event-stream",
                List.of());
          }
          stream.handle(ctx);
        },
        roles);
  }

  /** The address of the client calling, as {@link ClientAddress} finds it. */
  public static InetAddress client(Context ctx) {
    return ctx.appData(CLIENT_ADDRESS).of(ctx);
  }

  /** The user calling a route that requires roles. */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /**
   * The browser session a request that requires roles came with; null if it came with a bearer
   * token instead.
   */
  public static Sessions.Live session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  private void add(HandlerType method, String path, Handler handler, Role... roles) {
    add(method, path, handler, false, true, roles);
  }

  private void add(
      HandlerType method,
      String path,
      Handler handler,
      boolean page,
      boolean mayWrite,
      Role... roles) {
    Allowed access = roles.length == 0 ? Allowed.PUBLIC : new Allowed(EnumSet.of(roles[0], roles));
    boolean writes = mayWrite && method != HandlerType.GET && method != HandlerType.HEAD;
    app.addHttpHandler(
        method,
        path,
        ctx -> {
          if (page) {
            if (!pageHandled(ctx, access, handler)) return;
          } else {
            guard.check(ctx, access);
            handler.handle(ctx);
          }
          if (writes && ctx.statusCode() < 400) afterWrites.run();
        },
        access);
    routes.add(new Route(method.name(), path, Set.of(roles)));
  }

  /**
   * Runs a page's handler after its guard; false if either refused it. A browser is answered with a
   * page, never a problem document: signed out, it is sent to the sign-in page; any other refusal
   * (403, a form too large or malformed, a page of nothing) is shown by {@link #refusedPage}.
   */
  private boolean pageHandled(Context ctx, Allowed access, Handler handler) throws Exception {
    try {
      guard.check(ctx, access);
      handler.handle(ctx);
      return true;
    } catch (ApiError refused) {
      if (refused.status() == 401) {
        // a signed-out browser: to the sign-in page, with nothing of this one
        ctx.status(303).header("Location", SIGN_IN_PAGE).result("");
        return false;
      }
      ctx.status(refused.status()).attribute(REFUSAL, refused.getMessage());
    } catch (HttpResponseException refused) { // Javalin's own: a form body over the size limit
      ctx.status(refused.getStatus()).attribute(REFUSAL, refused.getMessage());
    }
    refusedPage.handle(ctx);
    return false;
  }

  /** Runs {@code listener} after every request that changed something (not GET, not refused). */
  void afterWrites(Runnable listener) {
    afterWrites = listener;
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** A registered route and the roles that may call it (none: public). */
  public record Route(String method, String path, Set<Role> roles) {}

  /** The roles that may call a route; {@link #PUBLIC} means anyone, without a token. */
  record Allowed(Set<Role> roles) implements RouteRole {
    static final Allowed PUBLIC = new Allowed(Set.of());

    boolean isPublic() {
      return roles.isEmpty();
    }
  }
}
