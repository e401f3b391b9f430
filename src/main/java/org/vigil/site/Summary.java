package org.vigil.site;

import java.util.Map;
import org.vigil.tally.CampaignCount;

/**
 * The sentence the press quotes, generated from the figures in the reader's language: "Police have
 * detained at least 2,410 people in 58 cities." It counts confirmed people only, in the cities
 * where detentions are confirmed: what the group can stand behind. Reports not yet verified get a
 * sentence of their own, so nobody adds them to the figure by mistake.
 */
final class Summary {
  private Summary() {}

  static String sentence(Language lang, CampaignCount count) {
    long confirmed = count.total().confirmed();
    long unconfirmed = count.total().unconfirmed();
    Texts t = lang.texts();
    String verified =
        confirmed == 0
            ? t.get(unconfirmed == 0 ? "home.summary.none" : "home.summary.noneConfirmed")
            : t.format("home.summary", Map.of("people", confirmed, "cities", count.cityCount()));
    if (unconfirmed == 0) return verified;
    return verified + " " + t.format("home.summary.unconfirmed", Map.of("reports", unconfirmed));
  }
}
