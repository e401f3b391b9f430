package org.vigil.cases;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
   * An article of a code as courts write it: "20.2", "20.3.3", "212.1", "318"; its part goes in
   * {@code article_part}, so that "20.2 part 5" is counted as one article however it was typed.
   */
  private static final Pattern ARTICLE = Pattern.compile("\\d{1,3}(\\.\\d{1,2}){0,2}");

  private static final Set<DetentionStatus> AT_STATION =
      EnumSet.of(DetentionStatus.AT_POLICE_STATION, DetentionStatus.HELD_OVERNIGHT);
  private static final Set<DetentionStatus> CHARGED =
      EnumSet.of(
          DetentionStatus.RELEASED_WITH_CHARGE_SHEET,
          DetentionStatus.IN_COURT,
          DetentionStatus.FINED,
          DetentionStatus.ADMINISTRATIVE_ARREST,
          DetentionStatus.COMMUNITY_SERVICE,
          DetentionStatus.CASE_DISMISSED,
          DetentionStatus.CRIMINAL_CASE);
  private static final Set<DetentionStatus> HEARINGS =
      EnumSet.of(DetentionStatus.IN_COURT, DetentionStatus.APPEALED);
  private static final Set<DetentionStatus> COURTS =
      EnumSet.of(
          DetentionStatus.IN_COURT,
          DetentionStatus.FINED,
          DetentionStatus.ADMINISTRATIVE_ARREST,
          DetentionStatus.COMMUNITY_SERVICE,
          DetentionStatus.CASE_DISMISSED,
          DetentionStatus.APPEALED,
          DetentionStatus.APPEAL_DECIDED);

  /**
   * A timeline entry for {@code target} (the detention that stands for the arrest), recorded by
   * {@code userId}. Each step's facts go only with that step and the ones a court's decision cannot
   * be counted without are required: the fine's amount, the days of arrest, the hours of community
   * service, the appeal's outcome, and a hearing's court and time. One that {@code supersedes} an
   * entry in force corrects it, and says why.
   */
  public static StatusChange status(Fields f, Detention target, String userId, Cases cases) {
    DetentionStatus status = f.choice("status", DetentionStatus.class, true);
    OffsetDateTime at = f.dateTime("at", false);
    String source = f.text("source", 300, true);
    String station = f.text("police_station", 64, false);
    String article = f.text("article", 12, false);
    Integer part = f.integer("article_part", 1, 20, false);
    String court = f.name("court", 300, false);
    OffsetDateTime hearing = f.plannedTime("hearing_at", false);
    String judge = f.name("judge", 200, false);
    String caseNumber = f.text("case_number", 64, false);
    // КоАП 3.5 caps a citizen's fine under 20.2 at 300 000 roubles, other articles lower; the bound
    // is wider so a fine under an article we did not think of is not refused.
    Long fine = f.longValue("fine_rub", 1, 10_000_000, false);
    // КоАП 3.9: administrative arrest is up to 30 days.
    Integer days = f.integer("arrest_days", 1, 30, false);
    // КоАП 3.13: community service is 20 to 200 hours.
    Integer hours = f.integer("service_hours", 20, 200, false);
    AppealOutcome outcome = f.choice("appeal_outcome", AppealOutcome.class, false);
    String note = f.freeText("note", 5000, false);
    String supersedes = f.text("supersedes", 64, false);
    String reason = f.freeText("reason", REASON_LENGTH, false);
    if (status != null) {
      goesWith(f, "police_station", station, status, AT_STATION);
      goesWith(f, "article", article, status, CHARGED);
      goesWith(f, "article_part", part, status, CHARGED);
      goesWith(f, "court", court, status, COURTS);
      goesWith(f, "judge", judge, status, COURTS);
      goesWith(f, "case_number", caseNumber, status, COURTS);
      goesWith(f, "hearing_at", hearing, status, HEARINGS);
      requiredWith(f, "fine_rub", fine, status, DetentionStatus.FINED);
      requiredWith(f, "arrest_days", days, status, DetentionStatus.ADMINISTRATIVE_ARREST);
      requiredWith(f, "service_hours", hours, status, DetentionStatus.COMMUNITY_SERVICE);
      requiredWith(f, "appeal_outcome", outcome, status, DetentionStatus.APPEAL_DECIDED);
      if (status == DetentionStatus.IN_COURT) {
        if (court == null && !f.has("court")) f.reject("court", "is required with status in_court");
        if (hearing == null && !f.has("hearing_at")) {
          f.reject("hearing_at", "is required with status in_court: when the hearing is");
        }
      }
    }
    if (article != null && !ARTICLE.matcher(article).matches()) {
      f.reject(
          "article",
          "must be an article's number such as 20.2 (КоАП) or 212.1 (УК);"
              + " its part goes in article_part");
    }
    if (part != null && article == null) f.reject("article_part", "goes only with article");
    if (station != null && !cases.stationExists(station)) {
      f.reject("police_station", "no police station with this id in the directory");
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
        station,
        article,
        part,
        court,
        hearing,
        judge,
        caseNumber,
        fine,
        days,
        hours,
        outcome,
        note,
        supersedes,
        reason,
        null);
  }

  /** A step's fact given with another step is refused, naming the steps it goes with. */
  private static void goesWith(
      Fields f, String field, Object value, DetentionStatus status, Set<DetentionStatus> steps) {
    if (value != null && !steps.contains(status)) {
      f.reject(
          field,
          "goes only with status "
              + steps.stream()
                  .map(s -> s.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  /** An outcome's amount: required with its status, refused with any other. */
  private static void requiredWith(
      Fields f, String field, Object value, DetentionStatus status, DetentionStatus step) {
    String code = step.name().toLowerCase(Locale.ROOT);
    if (value != null && status != step) f.reject(field, "goes only with status " + code);
    if (value == null && status == step && !f.has(field)) {
      f.reject(field, "is required with status " + code);
    }
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
