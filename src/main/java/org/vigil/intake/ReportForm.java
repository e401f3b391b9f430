package org.vigil.intake;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import org.vigil.cases.Consent;
import org.vigil.http.Fields;

/** Reads a report from its JSON form, naming each field that is wrong and why. */
final class ReportForm {
  private ReportForm() {}

  static ReportContent read(Fields f) {
    var content =
        new ReportContent(
            f.text("name", 300, false),
            f.integer("birth_year", 1900, Year.now().getValue(), false),
            f.text("city", 200, false),
            f.dateTime("detained_at", false),
            f.text("place", 500, false),
            f.text("police_station", 300, false),
            orElse(f.choice("source", Reporter.class, false), Reporter.UNKNOWN),
            f.text("contact", 300, false),
            f.text("text", 10_000, false),
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
    if (at != null && at.isAfter(OffsetDateTime.now().plus(1, ChronoUnit.HOURS))) {
      f.reject("detained_at", "is in the future");
    }
    f.done();
    return content;
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
