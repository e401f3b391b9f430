package org.vigil.site;

import java.util.List;
import org.vigil.campaign.Event;
import org.vigil.cases.PublicDetainees;
import org.vigil.media.Photo;
import org.vigil.publish.LiveUpdate;
import org.vigil.tally.CampaignCount;
import org.vigil.tally.CampaignCount.Figures;

/** What each page template is given: plain values, already public, nothing to look up. */
public final class Views {
  private Views() {}

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

  /** A city's row: its figures and, where the city has an event, the event's page. */
  public record CityRow(String city, String href, Figures figures) {}

  /** An event's page. */
  public record EventPage(
      Page page, Event event, List<String> crowd, PublicDetainees detainees, List<Photo> photos) {}

  /** The map page: the drawing, already SVG. */
  public record MapPage(Page page, String svg, int places) {}

  /** The gallery. */
  public record Gallery(Page page, List<Photo> photos) {}

  /** The embeddable count. */
  public record Widget(Page page, CampaignCount count) {}
}
