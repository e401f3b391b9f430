package org.vigil.intake;

import java.time.OffsetDateTime;
import org.vigil.cases.Consent;
import org.vigil.http.Fields;
import org.vigil.http.Plausible;

/** Reads a report from its JSON form, naming each field that is wrong and why. */
final class ReportForm {
  private ReportForm() {}

  static ReportContent read(Fields f) {
    var content =
        new ReportContent(
            f.name("name", 300, false),
            f.integer(
                "birth_year", Plausible.earliestBirthYear(), Plausible.latestBirthYear(), false),
            f.text("city", 200, false),
            f.dateTime("detained_at", false),
            f.text("place", 500, false),
            f.text("police_station", 300, false),
            orElse(f.choice("source", Reporter.class, false), Reporter.UNKNOWN),
            f.text("contact", 300, false),
            f.freeText("text", 10_000, false),
            f.text("campaign", 64, false),
            f.text("event", 64, false),
            f.text("corrects", 64, false),
            f.choice("consent", Consent.class, false),
            orElse(f.bool("force_used", false), false),
            orElse(f.bool("minor", false), false),
            orElse(f.bool("journalist", false), false));
    if (!f.has("name") && !f.has("text")) {
      f.reject("name", "name or text is required: a report must say who or what happened");
    }
    OffsetDateTime at = content.detainedAt();
    Integer born = content.birthYear();
    if (at != null && born != null && at.getYear() < born + Plausible.YOUNGEST_AGE) {
      f.reject(
          "detained_at",
          "is less than " + Plausible.YOUNGEST_AGE + " years after birth_year " + born);
    }
    f.done();
    return content;
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
