package org.vigil.http;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
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

/**
 * Where the capabilities register their routes, each with the roles allowed to call it. A route
 * registered without roles is public. The check itself is {@link WebServer}'s, run before each
 * handler with the roles the route was registered with (not looked up again per request).
 */
public final class Api {
  static final String PRINCIPAL = "vigil.principal";
  static final Key<ClientAddress> CLIENT_ADDRESS = new Key<>("vigil.client-address");
  private final Javalin app;
  private final Guard guard;
  private final List<Route> routes = new ArrayList<>();
  private volatile Runnable afterWrites = () -> {};

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

  public void patch(String path, Handler handler, Role... roles) {
    add(HandlerType.PATCH, path, handler, roles);
  }

  /**
   * A public stream of server-sent events: each client is handed over open, to keep and write to
   * from other threads, without holding a thread of its own.
   */
  public void sse(String path, Consumer<SseClient> client) {
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
        });
  }

  /** The address of the client calling, as {@link ClientAddress} finds it. */
  public static InetAddress client(Context ctx) {
    return ctx.appData(CLIENT_ADDRESS).of(ctx);
  }

  /** The user calling a route that requires roles. */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  private void add(HandlerType method, String path, Handler handler, Role... roles) {
    Allowed access = roles.length == 0 ? Allowed.PUBLIC : new Allowed(EnumSet.of(roles[0], roles));
    boolean writes = method != HandlerType.GET && method != HandlerType.HEAD;
    app.addHttpHandler(
        method,
        path,
        ctx -> {
          guard.check(ctx, access);
          handler.handle(ctx);
          if (writes && ctx.statusCode() < 400) afterWrites.run();
        },
        access);
    routes.add(new Route(method.name(), path, Set.of(roles)));
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
