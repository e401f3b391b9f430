package org.vigil.cases;

import java.time.OffsetDateTime;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.ConsentStatement.Giver;
import org.vigil.http.Fields;
import org.vigil.place.Gazetteer;
import org.vigil.place.Place;

/**
 * What a coordinator's decision about a case must say, read from its fields: one set of rules for
 * the JSON API and the console's forms, which both hand {@link Fields} here. Each reader collects
 * every wrong field and ends with {@link Fields#done()}, which throws them all at once.
 */
public final class CaseInput {
  public static final int REASON_LENGTH = 2000;

  private CaseInput() {}

  /** Why: required of every correction. */
  public static String reason(Fields f) {
    String reason = f.freeText("reason", REASON_LENGTH, true);
    f.done();
    return reason;
  }

  /**
   * A timeline entry for {@code target} (the detention that stands for the arrest), recorded by
   * {@code userId}. One that {@code supersedes} an entry in force corrects it, and says why.
   */
  public static StatusChange status(Fields f, Detention target, String userId) {
    DetentionStatus status = f.choice("status", DetentionStatus.class, true);
    OffsetDateTime at = f.dateTime("at", false);
    String source = f.text("source", 300, true);
    String article = f.text("article", 50, false);
    Long fine = f.longValue("fine_rub", 0, 100_000_000, false);
    Integer days = f.integer("arrest_days", 1, 365, false);
    String note = f.freeText("note", 5000, false);
    String supersedes = f.text("supersedes", 64, false);
    String reason = f.freeText("reason", REASON_LENGTH, false);
    if (days != null && status != DetentionStatus.ADMINISTRATIVE_ARREST) {
      f.reject("arrest_days", "goes only with status administrative_arrest");
    }
    if (fine != null && status != DetentionStatus.FINED) {
      f.reject("fine_rub", "goes only with status fined");
    }
    if (supersedes != null) {
      StatusChange corrected =
          target.timeline().stream()
              .filter(c -> c.id().equals(supersedes))
              .findFirst()
              .orElse(null);
      if (corrected == null) {
        f.reject("supersedes", "no entry with this id on this detention's timeline");
      } else if (corrected.supersededBy() != null) {
        f.reject("supersedes", "was corrected already by " + corrected.supersededBy());
      }
      if (reason == null) f.reject("reason", "is required when an entry corrects another");
    } else if (reason != null) {
      f.reject("reason", "goes only with supersedes: say why an entry is corrected");
    }
    f.done();
    return new StatusChange(
        null,
        target.id(),
        status,
        at != null ? at : OffsetDateTime.now(),
        null,
        source,
        userId,
        article,
        fine,
        days,
        note,
        supersedes,
        reason,
        null);
  }

  /** Two detentions of one arrest: the one the other is merged {@code into}, and why. */
  public record Merge(String into, String reason) {}

  public static Merge merge(Fields f, Cases cases) {
    String into = f.text("into", 64, true);
    String reason = f.freeText("reason", REASON_LENGTH, true);
    if (into != null && cases.find(into).isEmpty()) f.reject("into", "no detention with this id");
    f.done();
    return new Merge(into, reason);
  }

  /** Where a held detention belongs, and why. */
  public record Placing(Corrections.Placement placement, String reason) {}

  /**
   * {@code event} (an id), {@code city} (any spelling the gazetteer knows, or its GeoNames id)
   * and/or {@code detained_at}, with a reason.
   */
  public static Placing placing(Fields f, Campaigns campaigns, Gazetteer gazetteer) {
    String event = f.text("event", 64, false);
    String city = f.text("city", 200, false);
    OffsetDateTime at = f.dateTime("detained_at", false);
    String reason = f.freeText("reason", REASON_LENGTH, true);
    if (event == null && city == null && at == null) {
      f.reject("city", "name an event, a city or a time to place the detention");
    }
    if (event != null && campaigns.event(event).isEmpty()) {
      f.reject("event", "no event with this id");
    }
    Place place = null;
    if (city != null) {
      place = gazetteer.find(city).or(() -> gazetteer.resolve(city)).orElse(null);
      if (place == null) {
        f.reject("city", "is not a place the gazetteer knows (write the city's name, or its id)");
      }
    }
    f.done();
    return new Placing(
        new Corrections.Placement(event, place == null ? null : place.id(), at), reason);
  }

  /** A consent a coordinator verified with the detainee or their representative. */
  public record ConsentGiven(Consent consent, Giver givenBy, String report, String note) {}

  /** {@code consent}, {@code given_by}, the {@code report} it came with (about this person). */
  public static ConsentGiven consent(Fields f, Cases cases, String personId) {
    Consent consent = f.choice("consent", Consent.class, true);
    Giver givenBy = f.choice("given_by", Giver.class, true);
    String report = f.text("report", 64, false);
    String note = f.freeText("note", REASON_LENGTH, false);
    if (report != null && !cases.reportIsAbout(report, personId)) {
      f.reject("report", "no report about this person with this id");
    }
    f.done();
    return new ConsentGiven(consent, givenBy, report, note);
  }
}
