package org.vigil.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.http.Api;
import org.vigil.http.ApiError;
import org.vigil.http.Json;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.security.Sessions;
import org.vigil.site.Language;
import org.vigil.site.Texts;

/**
 * The staff console's shell: where a capability adds a page in one line, with the roles that may
 * open it, and gets the layout (navigation by role, language switch, the user's name, sign-out, the
 * CSRF token), the console's texts, its CSS and script, and the page headers for free.
 *
 * <pre>{@code
 * console.page("/console/review", "review", r -> new ReviewView(queue.open()), COORDINATOR, ADMIN);
 * console.form("/console/review/{id}", r -> { ...; r.redirect("/console/review"); }, COORDINATOR);
 * }</pre>
 *
 * A page named {@code review} is the template {@code src/main/jte/console/review.jte}, which takes
 * two parameters, {@code Shell shell} and the view object the handler returned ({@code view}), and
 * wraps its content in {@code @template.console.layout(shell = shell, content = @`…`)}. Its title
 * is the text {@code review.title}; if the path has no parameters it is listed in the navigation,
 * for the roles that may open it, as the text {@code nav.review}. Texts are in {@code
 * org/vigil/console/texts_{ru,en}.properties}. A signed-out browser is sent to the sign-in page
 * from every page and form; forms (POST) also need the session's CSRF token and a same-origin
 * request, which {@code WebServer} checks before the handler runs.
 */
public final class Console {
  /** Every staff role: for pages any signed-in user may open. */
  public static final Role[] STAFF = Role.values();

  static final String LANGUAGE_COOKIE = "vigil-lang";

  /**
   * Stricter than the public site's: forms post only to Vigil, nothing may frame a console page,
   * and no URL (an invitation's token) is sent on as a referrer.
   */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Api api;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final List<NavEntry> nav = new ArrayList<>();
  private final Map<String, String> pagePaths = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * What a page shows: the view object its template takes as {@code view} (null for a page that
   * needs none; such a template declares {@code @param Void view}).
   */
  @FunctionalInterface
  public interface View {
    Object of(Request request) throws Exception;
  }

  /** What a form does; it ends by {@link Request#redirect}ing or {@link Request#render}ing. */
  @FunctionalInterface
  public interface Action {
    void handle(Request request) throws Exception;
  }

  /**
   * A refusal shown as a page: its status and the text that explains it ({@code error.STATUS}, or
   * {@code error.other}); {@code detail} is Vigil's own English reason, for the staff to pass on.
   */
  public record Refusal(int status, String key, String detail) {
    static Refusal of(int status, String detail) {
      String key =
          switch (status) {
            case 400, 404, 413, 415, 422 -> "error." + status;
            default -> "error.other";
          };
      return new Refusal(status, key, detail == null ? "" : detail);
    }
  }

  /** A navigation entry: the page's name, its path, and who sees it. */
  record NavEntry(String name, String path, Set<Role> roles) {}

  public Console(Api api) {
    this.api = api;
    // A refused CSRF token or a cross-site request is most often a page left open across a
    // sign-out; the role's own refusal is said otherwise.
    api.refusedPage(
        ctx -> {
          String why = Api.refusal(ctx);
          if (ctx.statusCode() != 403) {
            render(new Request(this, ctx, "error"), "error", Refusal.of(ctx.statusCode(), why));
            return;
          }
          boolean stale = why != null && !why.startsWith("the role ");
          render(new Request(this, ctx, "forbidden"), "forbidden", stale ? "stale" : "role");
        });
  }

  /**
   * A page (GET) for the given roles (none: for anyone, signed in or not — only the sign-in and
   * invitation pages are so).
   */
  public void page(String path, String name, View view, Role... roles) {
    if (!path.contains("{") && roles.length > 0) {
      nav.add(new NavEntry(name, path, EnumSet.of(roles[0], roles)));
    }
    pagePaths.putIfAbsent(name, path);
    api.page(
        HandlerType.GET,
        path,
        ctx -> {
          Request request = new Request(this, ctx, name);
          if (request.switchLanguage()) return;
          render(request, name, view.of(request));
        },
        roles);
  }

  /** A form's target (POST) for the given roles. */
  public void form(String path, Action action, Role... roles) {
    api.page(HandlerType.POST, path, ctx -> action.handle(new Request(this, ctx, null)), roles);
  }

  /** Renders {@code console/NAME.jte} with the shell and {@code view} as the response. */
  void render(Request request, String name, Object view) {
    Context ctx = request.ctx();
    headers(ctx);
    StringOutput out = new StringOutput();
    Map<String, Object> params = new HashMap<>();
    params.put("shell", request.shell(name));
    params.put("view", view);
    templates.render("console/" + name + ".jte", params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  /**
   * Where the page shown is read with GET: a form's answer (the form again, with its errors) is
   * shown at the form's path, which may have no page, so the language switch leads to the page's
   * own path, its parameters filled from the form's ({@code /console/events/ID/claims} shows the
   * page {@code /console/events/ID}).
   */
  private String pagePath(String page, Context ctx) {
    String pattern = pagePaths.get(page);
    if (pattern == null || ctx.method() == HandlerType.GET) return ctx.path();
    String path = pattern;
    for (Map.Entry<String, String> p : ctx.pathParamMap().entrySet()) {
      path = path.replace("{" + p.getKey() + "}", p.getValue());
    }
    return path.contains("{") ? ctx.path() : path;
  }

  /** The navigation a user sees: the pages their role may open, in the order they were added. */
  List<Shell.Link> nav(Principal user, Language lang, String current) {
    List<Shell.Link> links = new ArrayList<>();
    if (user == null) return links;
    Texts t = ConsoleTexts.of(lang);
    for (NavEntry e : nav) {
      if (e.roles().contains(user.role())) {
        links.add(new Shell.Link(e.path(), t.get("nav." + e.name()), e.name().equals(current)));
      }
    }
    return links;
  }

  /** One request to a console page or form, with what the shell knows about it. */
  public static final class Request {
    private final Console console;
    private final Context ctx;
    private final String name;
    private final Language lang;
    private String pagePath;

    Request(Console console, Context ctx, String name) {
      this.console = console;
      this.ctx = ctx;
      this.name = name;
      this.lang = language(ctx);
    }

    public Context ctx() {
      return ctx;
    }

    /** The signed-in user; null on the sign-in and invitation pages. */
    public Principal user() {
      return Api.principal(ctx);
    }

    /** The console's language for this reader. */
    public Language lang() {
      return lang;
    }

    /** The console's texts in the reader's language. */
    public Texts texts() {
      return ConsoleTexts.of(lang);
    }

    /** A path parameter of the page's path. */
    public String param(String name) {
      return ctx.pathParam(name);
    }

    /** A query parameter, stripped, or "" when not sent: a filter of a list. */
    public String query(String name) {
      String value = ctx.queryParam(name);
      return value == null ? "" : value.strip();
    }

    /**
     * A query parameter read as a day, or null when not sent or not a date: a filter that cannot be
     * read leaves the list as it is rather than refusing the page.
     */
    public LocalDate queryDay(String name) {
      try {
        String on = query(name);
        return on.isEmpty() ? null : LocalDate.parse(on);
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    /** A field of a submitted form, or null. */
    public String field(String name) {
      return ctx.formParam(name);
    }

    /**
     * The named fields of the submitted form, stripped, "" for one not sent: what the form is shown
     * again with.
     */
    public Map<String, String> fields(String... names) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String name : names) {
        String value = field(name);
        values.put(name, value == null ? "" : value.strip());
      }
      return values;
    }

    /**
     * The named fields as a JSON object of strings (a field left empty is absent), so that {@link
     * org.vigil.http.Fields} checks a form as it checks an API's body: the same cleaning, limits
     * and field names.
     */
    public ObjectNode json(String... names) {
      ObjectNode object = Json.mapper().createObjectNode();
      fields(names)
          .forEach(
              (name, value) -> {
                if (!value.isEmpty()) object.put(name, value);
              });
      return object;
    }

    /**
     * What a refused input ({@link ApiError} 422) says of each field, in the reader's language: the
     * text {@code PREFIX.error.FIELD} (the first reason per field; {@code Fields} says the rest in
     * English, which the console does not show).
     */
    public Map<String, String> errors(ApiError refused, String prefix) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (ApiError.FieldError e : refused.errors()) {
        errors.putIfAbsent(e.field(), texts().get(prefix + ".error." + e.field()));
      }
      return errors;
    }

    /** Sends the browser on (303 See Other: after a POST, the next request is a GET). */
    public void redirect(String path) {
      Console.headers(ctx);
      ctx.status(303).header("Location", path).result("");
    }

    /** Answers with the page {@code name} (its template and view), e.g. a form shown again. */
    public void render(String name, Object view) {
      console.render(this, name, view);
    }

    /**
     * Answers with the page {@code name} as the page at {@code path}: a form shown again after a
     * POST, whose language switch must lead to the page, not to the form's target.
     */
    public void render(String name, Object view, String path) {
      pagePath = path;
      console.render(this, name, view);
    }

    Shell shell(String page) {
      Sessions.Live live = Api.session(ctx);
      Principal user = Api.principal(ctx);
      return new Shell(
          lang,
          ConsoleTexts.of(lang),
          page,
          user,
          live == null ? null : live.displayName(),
          live == null ? "" : live.csrf(),
          console.nav(user, lang, page),
          pagePath != null ? pagePath : console.pagePath(page, ctx));
    }

    /**
     * A {@code ?lang=ru|en} link (the switch on every page) stores the choice in a cookie and sends
     * the browser back to the same page without the parameter.
     */
    boolean switchLanguage() {
      String wanted = ctx.queryParam("lang");
      if (wanted == null) return false;
      Language chosen = Language.parse(wanted).orElse(lang);
      ctx.res()
          .addHeader(
              "Set-Cookie",
              LANGUAGE_COOKIE
                  + "="
                  + chosen.code()
                  + "; Path=/; Max-Age=31536000; SameSite=Strict"
                  + (org.vigil.http.SessionCookie.https(ctx) ? "; Secure" : ""));
      redirect(ctx.path());
      return true;
    }

    /** The reader's language: their choice on the switch, else their browser's preference. */
    static Language language(Context ctx) {
      String chosen = ctx.cookie(LANGUAGE_COOKIE);
      if (chosen != null) {
        var parsed = Language.parse(chosen);
        if (parsed.isPresent()) return parsed.get();
      }
      return Language.preferred(ctx.header("Accept-Language"));
    }

    String name() {
      return name;
    }
  }
}
