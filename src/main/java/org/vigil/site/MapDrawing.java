package org.vigil.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.campaign.Campaigns;
import org.vigil.campaign.Event;
import org.vigil.map.Marker;
import org.vigil.map.RussiaMap;
import org.vigil.station.PoliceStation;
import org.vigil.station.PoliceStations;
import org.vigil.tally.CampaignCount;
import org.vigil.tally.CampaignCount.Group;
import org.vigil.tally.PublicTallies;

/**
 * The campaign's events and police stations as markers on Vigil's own map of Russia: events sized
 * by the confirmed detainees in their city, stations by the confirmed people taken there. Places
 * without coordinates are left off.
 */
final class MapDrawing {
  private final PublicTallies tallies;
  private final Campaigns campaigns;
  private final PoliceStations stations;

  /** The SVG and how many places it marks. */
  record Drawing(String svg, int places) {}

  MapDrawing(PublicTallies tallies, Campaigns campaigns, PoliceStations stations) {
    this.tallies = tallies;
    this.campaigns = campaigns;
    this.stations = stations;
  }

  Drawing draw(Language lang, String campaignId) {
    List<Marker> markers = new ArrayList<>();
    Optional<CampaignCount> count =
        campaignId == null ? Optional.empty() : tallies.count(campaignId);
    if (count.isPresent()) {
      for (Event e : campaigns.events(campaignId)) {
        if (e.latitude() == null || e.longitude() == null) continue;
        String city = tallies.cityKey(e.city(), e.region());
        long people =
            count.get().cities().stream()
                .filter(g -> g.key().equals(city))
                .mapToLong(g -> g.figures().confirmed())
                .sum();
        markers.add(
            new Marker(
                e.latitude(),
                e.longitude(),
                e.city() + ": " + lang.texts().number(people),
                people,
                Marker.Kind.EVENT,
                "/" + lang.code() + "/events/" + e.id()));
      }
      for (Group g : count.get().stations()) {
        Optional<PoliceStation> station = stations.find(g.key());
        if (station.isEmpty()
            || station.get().latitude() == null
            || station.get().longitude() == null) {
          continue;
        }
        markers.add(
            new Marker(
                station.get().latitude(),
                station.get().longitude(),
                g.label() + ": " + lang.texts().number(g.figures().confirmed()),
                g.figures().confirmed(),
                Marker.Kind.STATION,
                null));
      }
    }
    return new Drawing(RussiaMap.svg(markers, lang.texts().get("map.title")), markers.size());
  }
}
