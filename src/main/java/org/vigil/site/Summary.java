package org.vigil.site;

import java.util.Map;
import org.vigil.tally.CampaignCount;

/**
 * The sentence the press quotes, generated from the figures in the reader's language: "Police have
 * detained at least 3,012 people in 61 cities; 2,410 detentions are confirmed."
 */
final class Summary {
  private Summary() {}

  static String sentence(Language lang, CampaignCount count) {
    if (count.total().people() == 0) return lang.texts().get("home.summary.none");
    return lang.texts()
        .format(
            "home.summary",
            Map.of(
                "people", count.total().people(),
                "cities", count.cityCount(),
                "confirmed", count.total().confirmed()));
  }
}
