package org.vigil.http;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.http.Api.Allowed;
import org.vigil.security.Accounts;
import org.vigil.security.Principal;
import org.vigil.security.Sessions;

/**
 * Vigil's HTTP server: JSON in and out, bearer-token checks per route, every refusal as a problem
 * document. Handlers run on virtual threads, so a request waiting for the disk costs a few
 * kilobytes, not a platform thread; Jetty's selectors stay on platform threads.
 */
public final class WebServer implements AutoCloseable {
  /** The largest request body accepted; a detention report is a few hundred bytes. */
  public static final long MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final String PROBLEM_JSON = "application/problem+json";
  private final Javalin app;
  private final Api api;
  private final List<Api.Route> routes;

  /**
   * @param clients how the address of a request's client is found (behind which proxies)
   */
  public WebServer(
      Accounts accounts, Sessions sessions, ClientAddress clients, Consumer<Api> routes) {
    this.app =
        Javalin.create(
            config -> {
              // Jetty's own pool: its selectors and acceptors on a few platform threads, each
              // request's handling on a virtual thread of its own. Javalin's useVirtualThreads
              // alone ran everything on virtual threads, the selectors too, and served public
              // reads at 60-75 % of this rate (docs/benchmarks.md, "Public reads").
              config.useVirtualThreads = true;
              QueuedThreadPool pool = new QueuedThreadPool();
              pool.setName("jetty");
              pool.setVirtualThreadsExecutor(
                  Executors.newThreadPerTaskExecutor(
                      Thread.ofVirtual().name("request-", 0).factory()));
              config.jetty.threadPool = pool;
              config.showJavalinBanner = false;
              config.appData(Api.CLIENT_ADDRESS, clients);
              config.startupWatcherEnabled = false;
              config.http.maxRequestSize = MAX_BODY_BYTES;
              // Photo uploads are the one large body; they are held in memory up to this size.
              config.jetty.multipartConfig.maxFileSize(26, SizeUnit.MB);
              config.jetty.multipartConfig.maxTotalRequestSize(27, SizeUnit.MB);
              config.jetty.multipartConfig.maxInMemoryFileSize(27, SizeUnit.MB);
              config.http.prefer405over404 = true;
              config.jsonMapper(new JavalinJackson(Json.mapper(), true));
              // The pages' CSS and script: content-hashed URLs, so kept for a year.
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/assets";
                    files.directory = "/assets";
                    files.location = Location.CLASSPATH;
                    files.precompress = true;
                    files.headers =
                        Map.of(
                            "Cache-Control",
                            "public, max-age=31536000, immutable",
                            "X-Content-Type-Options",
                            "nosniff");
                  });
            });
    app.exception(
        ApiError.class,
        (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.errors()));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> problem(ctx, e.getStatus(), reason(e.getStatus()), e.getMessage(), List.of()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.matchedPath(), e);
          problem(ctx, 500, "Internal error", "the server failed; nothing was stored", List.of());
        });
    app.error(404, ctx -> fallback(ctx, "no such resource: " + ctx.path()));
    app.error(405, ctx -> fallback(ctx, ctx.method() + " is not allowed on " + ctx.path()));
    // Each route checks its own roles (Api wraps its handler), rather than a beforeMatched
    // handler: that made Javalin match the path against the routes three more times per request.
    api = new Api(app, (ctx, allowed) -> authorise(ctx, allowed, accounts, sessions));
    byte[] openApi = resource("/openapi.json");
    api.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    routes.accept(api);
    this.routes = api.routes();
  }

  /** Every route this server answers, with its roles: what the OpenAPI document must describe. */
  public List<Api.Route> routes() {
    return routes;
  }

  /** Runs {@code listener} after every request that changed something (not GET, not refused). */
  public WebServer afterWrites(Runnable listener) {
    api.afterWrites(listener);
    return this;
  }

  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  /**
   * Who is calling: a bearer token (scripts, the API) or a console session's cookie (browsers). A
   * request the cookie authenticates that changes something must also come from Vigil's own pages
   * ({@link SameOrigin}) and carry the session's CSRF token (header {@code X-CSRF-Token} or form
   * field {@code _csrf}): the cookie alone is what a forged cross-site request would bring. A
   * bearer token is never sent by a browser on its own, so it needs neither.
   */
  private static void authorise(
      Context ctx, Allowed allowed, Accounts accounts, Sessions sessions) {
    ctx.header("X-Content-Type-Options", "nosniff");
    if (allowed.isPublic()) return;
    // Responses behind a token can hold personal data: no cache may keep them.
    ctx.header("Cache-Control", "no-store");
    String header = ctx.header("Authorization");
    Principal principal;
    if (header != null) {
      String token =
          header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
      principal =
          accounts
              .authenticate(token)
              .orElseThrow(
                  () ->
                      new ApiError(
                          401, "Unauthorized", "a valid bearer token is required", List.of()));
    } else {
      Sessions.Live live =
          sessions
              .find(SessionCookie.read(ctx))
              .orElseThrow(
                  () ->
                      new ApiError(
                          401, "Unauthorized", "sign in, or send a valid bearer token", List.of()));
      if (changes(ctx)) {
        String foreign = SameOrigin.refusal(ctx);
        if (foreign != null) {
          throw new ApiError(403, "Forbidden", foreign + " is refused", List.of());
        }
        if (!csrfMatches(ctx, live.csrf())) {
          throw new ApiError(
              403,
              "Forbidden",
              "the CSRF token (X-CSRF-Token header or _csrf field) is missing or wrong",
              List.of());
        }
      }
      principal = live.principal();
      ctx.attribute(Api.SESSION, live);
    }
    if (!allowed.roles().contains(principal.role())) {
      throw new ApiError(
          403,
          "Forbidden",
          "the role "
              + principal.role().code()
              + " may not "
              + ctx.method()
              + " "
              + ctx.matchedPath(),
          List.of());
    }
    ctx.attribute(Api.PRINCIPAL, principal);
  }

  private static boolean changes(Context ctx) {
    String method = ctx.method().name();
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  private static boolean csrfMatches(Context ctx, String expected) {
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null) {
      String type = ctx.contentType();
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        sent = ctx.formParam("_csrf");
      } else if (type != null && type.startsWith("multipart/form-data")) {
        // the whole body is parsed here: one too large or malformed is refused as such
        sent = MultipartForm.field(ctx, "_csrf");
      }
    }
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static void fallback(Context ctx, String detail) {
    String type = ctx.res().getContentType();
    // a handler already explained, as a problem or as a page for a reader
    if (type != null && (type.startsWith(PROBLEM_JSON) || type.startsWith("text/html"))) return;
    problem(ctx, ctx.statusCode(), reason(ctx.statusCode()), detail, List.of());
  }

  private static void problem(
      Context ctx, int status, String title, String detail, List<ApiError.FieldError> errors) {
    if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
    ctx.status(status)
        .contentType(PROBLEM_JSON)
        .result(Json.write(Problem.of(status, title, detail, errors)));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      default -> status >= 500 ? "Internal error" : "Request refused";
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
