package org.vigil.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.vigil.campaign.Campaigns;
import org.vigil.campaign.Claim;
import org.vigil.campaign.Event;
import org.vigil.cases.Cases;
import org.vigil.http.StoredBody;
import org.vigil.media.Photos;
import org.vigil.publish.LiveUpdate;
import org.vigil.publish.LiveUpdates;
import org.vigil.site.Views.CityRow;
import org.vigil.tally.CampaignCount;
import org.vigil.tally.PublicTallies;

/**
 * Renders the public pages from JTE templates and keeps each rendering until something changes, so
 * a crowd of readers is served stored bytes. A page is never staler than the live stream: once
 * something changed, the stored page is served only while nothing newer has been counted (the
 * stream sends nothing newer either) and for at most {@link LiveStream#COALESCE} after its
 * rendering; past that the next reader gets it rendered again, and readers who come meanwhile wait
 * for that one rendering rather than repeat it. A rendering shows the latest count made, stale or
 * not, and never waits for a recount (seconds with a million detainees in a campaign): a stale one
 * starts one in the background, and the page is stored as of the count it shows, so it is rendered
 * again once the new count is made. So a reader without JavaScript gets the figure the stream
 * gives, a withdrawn name or an unpublished photo is gone as soon as the stream would say so, and a
 * flood of writes costs each page about one rendering per push of the stream.
 */
final class Pages {
  private static final int UPDATES_SHOWN = 20;

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final PublicTallies tallies;
  private final Campaigns campaigns;
  private final Cases cases;
  private final Photos photos;
  private final LiveUpdates updates;
  private final MapDrawing map;
  private final Map<String, CompletableFuture<Optional<Rendered>>> rendering =
      new ConcurrentHashMap<>();
  private final Cache<String, Rendered> rendered = Caffeine.newBuilder().maximumSize(2_000).build();

  /**
   * A page as sent: its bytes (also gzipped), its ETag, the version of the data it shows and when
   * it was rendered.
   */
  record Rendered(StoredBody html, String etag, long version, long renderedAt) {}

  Pages(
      PublicTallies tallies,
      Campaigns campaigns,
      Cases cases,
      Photos photos,
      LiveUpdates updates,
      MapDrawing map) {
    this.tallies = tallies;
    this.campaigns = campaigns;
    this.cases = cases;
    this.photos = photos;
    this.updates = updates;
    this.map = map;
  }

  /** A page from the store, rendered again if it is staler than the live stream; empty if none. */
  Optional<Rendered> page(String key, Supplier<Optional<byte[]>> render) {
    Rendered known = rendered.getIfPresent(key);
    if (known != null
        && (known.version() == tallies.version()
            || (tallies.countedVersion() <= known.version()
                && System.currentTimeMillis() - known.renderedAt() < LiveStream.COALESCE))) {
      return Optional.of(known);
    }
    CompletableFuture<Optional<Rendered>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<Rendered>> running = rendering.putIfAbsent(key, mine);
    if (running != null) return running.join();
    try {
      Optional<Rendered> fresh = render(key, render);
      mine.complete(fresh);
      return fresh;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      rendering.remove(key, mine);
    }
  }

  private Optional<Rendered> render(String key, Supplier<Optional<byte[]>> render) {
    // Stored as of the count it shows, which may be older than the latest change while a recount
    // runs: then it is rendered again once a newer count is made. (Read before rendering, the
    // count only moves forward: the page may show a newer one, never an older one.)
    long version =
        Math.min(
            tallies.version(),
            tallies.current().map(CampaignCount::version).orElse(Long.MAX_VALUE));
    Optional<Rendered> fresh =
        render
            .get()
            .map(
                html ->
                    new Rendered(
                        StoredBody.of(html), etag(html), version, System.currentTimeMillis()));
    fresh.ifPresentOrElse(r -> rendered.put(key, r), () -> rendered.invalidate(key));
    return fresh;
  }

  /**
   * The current campaign's latest count, stale or not: a reader never waits for a recount (seconds
   * with a million detainees), which a stale count starts in the background.
   */
  private Optional<CampaignCount> current() {
    return tallies.current();
  }

  Optional<byte[]> home(Language lang) {
    Optional<CampaignCount> found = current();
    if (found.isEmpty()) {
      Views.Page page = new Views.Page(lang, lang.texts().get("site.name"), "home", "", null);
      return Optional.of(
          render(
              "home.jte",
              new Views.Home(
                  page,
                  null,
                  lang.texts().get("home.summary.none"),
                  List.of(),
                  Timeline.of(List.of()),
                  List.of(),
                  LiveStream.NONE_SEEN)));
    }
    CampaignCount count = found.get();
    String campaignId = count.campaign().id();
    Texts t = lang.texts();
    Views.Page page =
        new Views.Page(
            lang,
            t.format("home.title", Map.of("title", count.campaign().title())),
            "home",
            "",
            campaignId);
    Map<String, String> eventOfCity = new LinkedHashMap<>();
    for (Event e : campaigns.events(campaignId)) {
      eventOfCity.putIfAbsent(tallies.cityKey(e.city(), e.region()), e.id());
    }
    List<CityRow> cities =
        count.cities().stream()
            .map(
                g ->
                    new CityRow(
                        g.key(),
                        g.label(lang.code()),
                        eventOfCity.containsKey(g.key())
                            ? page.link("events/" + eventOfCity.get(g.key()))
                            : null,
                        g.figures()))
            .toList();
    List<LiveUpdate> newest = updates.latest(campaignId, UPDATES_SHOWN * 2);
    List<LiveUpdate> latest =
        newest.stream()
            .filter(u -> u.language().name().equals(lang.name()))
            .limit(UPDATES_SHOWN)
            .toList();
    String lastUpdate = LiveStream.cursorOf(newest);
    return Optional.of(
        render(
            "home.jte",
            new Views.Home(
                page,
                count,
                Summary.sentence(lang, count),
                cities,
                Timeline.of(count.hours()),
                latest,
                lastUpdate)));
  }

  Optional<byte[]> event(Language lang, String eventId) {
    return campaigns
        .event(eventId)
        .map(
            event -> {
              Texts t = lang.texts();
              String date =
                  DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                      .withLocale(lang.locale())
                      .format(event.heldOn());
              Views.Page page =
                  new Views.Page(
                      lang,
                      t.format("event.title", Map.of("city", event.city(), "date", date)),
                      "event",
                      "events/" + event.id(),
                      event.campaignId());
              List<String> crowd =
                  campaigns.claims(null, event.id()).stream()
                      .filter(c -> c.subject() == Claim.Subject.CROWD)
                      .map(
                          c ->
                              t.format(
                                  "event.claim",
                                  Map.of(
                                      "value", t.number(c.value()),
                                      "qualifier", t.get("qualifier." + c.qualifier().name()),
                                      "source", c.source())))
                      .toList();
              return render(
                  "event.jte",
                  new Views.EventPage(
                      page,
                      event,
                      crowd,
                      cases.publicDetainees(event.id()),
                      Instant.now(),
                      photos.list(null, event.id())));
            });
  }

  Optional<byte[]> gallery(Language lang) {
    Optional<CampaignCount> count = current();
    String campaignId = count.map(c -> c.campaign().id()).orElse(null);
    Views.Page page =
        new Views.Page(lang, lang.texts().get("gallery.title"), "gallery", "gallery", campaignId);
    return Optional.of(
        render("gallery.jte", new Views.Gallery(page, photos.list(campaignId, null))));
  }

  Optional<byte[]> map(Language lang) {
    Optional<CampaignCount> count = current();
    String campaignId = count.map(c -> c.campaign().id()).orElse(null);
    Views.Page page = new Views.Page(lang, lang.texts().get("map.title"), "map", "map", campaignId);
    MapDrawing.Drawing drawing = map.draw(lang, campaignId);
    return Optional.of(render("map.jte", new Views.MapPage(page, drawing.svg(), drawing.places())));
  }

  Optional<byte[]> widget(Language lang) {
    Optional<CampaignCount> count = current();
    Views.Page page =
        new Views.Page(
            lang,
            lang.texts().get("widget.title"),
            "widget",
            "widget",
            count.map(c -> c.campaign().id()).orElse(null));
    return Optional.of(render("widget.jte", new Views.Widget(page, count.orElse(null))));
  }

  /** The page for an address that has none, in the reader's language. */
  byte[] notFound(Language lang) {
    return render(
        "notfound.jte",
        new Views.Page(lang, lang.texts().get("notfound.title"), "notfound", "", null));
  }

  private byte[] render(String template, Object view) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    templates.render(template, view, out);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.getContentLength());
    try {
      out.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String etag(byte[] content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
