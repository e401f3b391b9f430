package org.vigil.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.vigil.campaign.Event;
import org.vigil.cases.PublicDetainees;
import org.vigil.media.Photo;
import org.vigil.publish.LiveUpdate;
import org.vigil.tally.CampaignCount;
import org.vigil.tally.CampaignCount.Figures;

/** What each page template is given: plain values, already public, nothing to look up. */
public final class Views {
  /** Figures are dated in Moscow time, which the Russian press reports in; the page names it. */
  private static final DateTimeFormatter MOSCOW_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Moscow"));

  private Views() {}

  /** When figures were counted, in Moscow time: {@code 2021-01-23 17:05}. */
  public static String moscowTime(Instant at) {
    return MOSCOW_TIME.format(at);
  }

  /**
   * What every page shares: its language and texts, its title, its path in the other language, and
   * the campaign whose live stream it follows (null: none).
   */
  public record Page(
      Language lang, String title, String section, String otherPath, String campaignId) {
    public Texts t() {
      return lang.texts();
    }

    /** A path of this page's language: {@code link("map")} is {@code /en/map}. */
    public String link(String path) {
      return "/" + lang.code() + "/" + path;
    }
  }

  /** The home page: the live count, the summary sentence, cities, the timeline, live updates. */
  public record Home(
      Page page,
      CampaignCount count,
      String summary,
      List<CityRow> cities,
      Timeline timeline,
      List<LiveUpdate> updates,
      String lastUpdateId) {}

  /**
   * A city's row: its key in open data, its name in the page's language, its figures and, where the
   * city has an event, the event's page.
   */
  public record CityRow(String key, String city, String href, Figures figures) {}

  /** An event's page; {@code countedAt} is when its figures were read. */
  public record EventPage(
      Page page,
      Event event,
      List<String> crowd,
      PublicDetainees detainees,
      Instant countedAt,
      List<Photo> photos) {}

  /** The map page: the drawing, already SVG. */
  public record MapPage(Page page, String svg, int places) {}

  /** The gallery. */
  public record Gallery(Page page, List<Photo> photos) {}

  /** The embeddable count. */
  public record Widget(Page page, CampaignCount count) {}
}
