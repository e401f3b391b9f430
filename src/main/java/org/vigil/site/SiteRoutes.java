package org.vigil.site;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.Cases;
import org.vigil.http.Api;
import org.vigil.media.Photos;
import org.vigil.publish.LiveUpdates;
import org.vigil.station.PoliceStations;
import org.vigil.tally.PublicTallies;

/**
 * The public pages, in Russian under {@code /ru/} and in English under {@code /en/}, and the live
 * stream that keeps them current. Pages allow no script, style or connection but Vigil's own
 * (Content-Security-Policy), and only the widget may be framed by other sites.
 */
public final class SiteRoutes {
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'";

  private SiteRoutes() {}

  /** What the pages are made from. */
  public record Sources(
      PublicTallies tallies,
      Campaigns campaigns,
      Cases cases,
      Photos photos,
      LiveUpdates updates,
      PoliceStations stations) {}

  public static void register(Api api, Sources s, LiveStream live) {
    Pages pages =
        new Pages(
            s.tallies(),
            s.campaigns(),
            s.cases(),
            s.photos(),
            s.updates(),
            new MapDrawing(s.tallies(), s.campaigns(), s.stations()));
    api.get(
        "/",
        ctx -> {
          ctx.header("Vary", "Accept-Language");
          ctx.redirect("/" + Language.preferred(ctx.header("Accept-Language")).code() + "/");
        });
    api.sse("/api/public/live", live::join);
    for (Language lang : Language.values()) {
      String root = "/" + lang.code();
      page(api, pages, root, lang, "home", ignored -> pages.home(lang));
      page(api, pages, root + "/map", lang, "map", ignored -> pages.map(lang));
      page(api, pages, root + "/gallery", lang, "gallery", ignored -> pages.gallery(lang));
      page(api, pages, root + "/widget", lang, "widget", ignored -> pages.widget(lang));
      page(
          api,
          pages,
          root + "/events/{id}",
          lang,
          "event",
          params -> pages.event(lang, params.get("id")));
    }
  }

  private static void page(
      Api api,
      Pages pages,
      String path,
      Language lang,
      String name,
      Function<Map<String, String>, Optional<byte[]>> render) {
    api.get(
        path,
        ctx -> {
          // a copy: the page may be rendered again after this request is gone
          Map<String, String> params = Map.copyOf(ctx.pathParamMap());
          String key = lang.code() + ' ' + name + ' ' + params;
          ctx.header("Content-Security-Policy", policy(name));
          ctx.header("Referrer-Policy", "no-referrer");
          Pages.Rendered page = pages.page(key, () -> render.apply(params)).orElse(null);
          if (page == null) {
            // a reader who followed a stale link gets a page, not a problem document
            ctx.status(404).contentType("text/html; charset=utf-8").result(pages.notFound(lang));
            return;
          }
          ctx.header("Cache-Control", "public, max-age=5");
          ctx.header("ETag", page.etag());
          if (page.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
          }
          page.html().send(ctx, "text/html; charset=utf-8");
        });
  }

  /** Only the widget is made to be embedded in other sites' pages. */
  private static String policy(String page) {
    return POLICY + (page.equals("widget") ? "; frame-ancestors *" : "; frame-ancestors 'none'");
  }
}
