package org.vigil.console;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.AlreadyDecided;
import org.vigil.cases.AppealOutcome;
import org.vigil.cases.CaseInput;
import org.vigil.cases.Cases;
import org.vigil.cases.Consent;
import org.vigil.cases.ConsentStatement;
import org.vigil.cases.Corrections;
import org.vigil.cases.Detention;
import org.vigil.cases.DetentionStatus;
import org.vigil.cases.Hold;
import org.vigil.cases.Person;
import org.vigil.cases.StatusChange;
import org.vigil.http.ApiError;
import org.vigil.http.Fields;
import org.vigil.http.FormFields;
import org.vigil.intake.Intake;
import org.vigil.intake.Report;
import org.vigil.linkage.Linkage;
import org.vigil.place.Gazetteer;
import org.vigil.security.Accounts;
import org.vigil.site.Language;
import org.vigil.site.Texts;
import org.vigil.station.PoliceStations;

/**
 * A person's page for coordinators: their names as every report wrote them, birth year, reports,
 * consent, and each detention with its status timeline; and the forms of every decision about them
 * (a status, a correction of an entry, unconfirm, merge and unmerge, placing a held detention,
 * verifying or withdrawing consent). Each form hands its fields to {@link CaseInput}, the JSON
 * API's own rules, and calls the same domain method; what is wrong is shown on the page, beside the
 * form, with what was typed.
 */
public final class PersonPage {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Set<String> NUMBERS =
      Set.of("fine_rub", "arrest_days", "article_part", "service_hours");
  private static final Set<String> TIMES = Set.of("at", "detained_at", "hearing_at");

  private final Cases cases;
  private final Corrections corrections;
  private final Intake intake;
  private final Campaigns campaigns;
  private final Gazetteer gazetteer;
  private final Accounts accounts;
  private final PoliceStations stations;

  PersonPage(CasePages.Sources s) {
    this.cases = s.cases();
    this.corrections = s.corrections();
    this.intake = s.intake();
    this.campaigns = s.campaigns();
    this.gazetteer = s.gazetteer();
    this.accounts = s.accounts();
    this.stations = s.stations();
  }

  /** A choice in a select: its code and label. */
  public record Option(String code, String label) {}

  /** One report about the person, decrypted for the coordinator. */
  public record ReportRow(
      String id,
      String received,
      String channel,
      String source,
      String name,
      Integer birthYear,
      String city,
      String station,
      String detainedAt,
      String contact,
      String text,
      String consent,
      String corrects,
      String rejection) {}

  /** One entry of a timeline as shown. */
  public record EntryRow(
      String id,
      String status,
      String happened,
      String source,
      String author,
      String details,
      String note,
      String supersedes,
      String supersededBy,
      String reason) {
    public boolean inForce() {
      return supersededBy == null;
    }
  }

  /** A decision on record about a detention. */
  public record DecisionRow(String kind, String by, String at, String reason) {}

  /** One detention with its timeline and what may be decided about it. */
  public record DetentionRow(
      String id,
      String reportId,
      String where,
      String when,
      String station,
      String status,
      boolean confirmed,
      String confirmedBy,
      boolean rejected,
      String mergedInto,
      String held,
      List<EntryRow> timeline,
      List<Option> mergeTargets,
      List<DecisionRow> decisions) {}

  /** A statement about publishing the name. */
  public record ConsentRow(
      String consent, String givenBy, String at, boolean verified, String by, String note) {}

  /**
   * The page. {@code form} is the form shown again ("status-ID", "consent", …) with what was typed
   * ({@code values}) and what was wrong ({@code errors}, field to message; "" for the form).
   */
  public record PersonView(
      String id,
      String name,
      String latin,
      List<String> names,
      Integer birthYear,
      String contact,
      String published,
      List<ConsentRow> consents,
      List<ReportRow> reports,
      List<DetentionRow> detentions,
      List<Option> statuses,
      List<Option> stations,
      List<Option> appealOutcomes,
      List<Option> consentChoices,
      List<Option> givers,
      String notice,
      String form,
      Map<String, String> values,
      Map<String, String> errors) {

    /** What was typed into {@code field} of {@code form}, if it is the form shown again. */
    public String value(String form, String field) {
      return form.equals(this.form) ? values.getOrDefault(field, "") : "";
    }

    /** What is wrong with {@code field} of {@code form}, or null. */
    public String error(String form, String field) {
      return form.equals(this.form) ? errors.get(field) : null;
    }

    /** Every wrong field of {@code form}, as "label: reason" lines. */
    public List<Map.Entry<String, String>> problems(String form) {
      if (!form.equals(this.form)) return List.of();
      return errors.entrySet().stream().filter(e -> !e.getKey().isEmpty()).toList();
    }

    /**
     * Why a decision was refused as a whole (the case as it is now does not allow it), or null:
     * said at the top of the page, as the form it came from may no longer be shown.
     */
    public String refusal() {
      return errors.get("");
    }
  }

  void register(Console console) {
    console.page(
        "/console/persons/{id}",
        "person",
        r -> view(r, r.param("id"), notice(r), null, Map.of(), Map.of()),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/detentions/{id}/status",
        r ->
            onDetention(
                r,
                "status",
                d -> {
                  Detention target =
                      d.mergedInto() != null ? cases.find(d.mergedInto()).orElseThrow() : d;
                  StatusChange change =
                      CaseInput.status(fields(r), target, r.user().userId(), cases);
                  cases.addStatus(target.id(), change);
                }),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/detentions/{id}/confirm",
        r ->
            onDetention(
                r,
                "confirm",
                d -> {
                  Fields f = fields(r);
                  String reason = f.freeText("reason", CaseInput.REASON_LENGTH, false);
                  f.done();
                  corrections.confirm(d.id(), reason, r.user().userId());
                }),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/detentions/{id}/unconfirm",
        r ->
            onDetention(
                r,
                "unconfirm",
                d -> corrections.unconfirm(d.id(), CaseInput.reason(fields(r)), r.user().userId())),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/detentions/{id}/merge",
        r ->
            onDetention(
                r,
                "merge",
                d -> {
                  CaseInput.Merge m = CaseInput.merge(fields(r), cases);
                  corrections.merge(d.id(), m.into(), m.reason(), r.user().userId());
                }),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/detentions/{id}/unmerge",
        r ->
            onDetention(
                r,
                "unmerge",
                d -> corrections.unmerge(d.id(), CaseInput.reason(fields(r)), r.user().userId())),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/detentions/{id}/place",
        r ->
            onDetention(
                r,
                "place",
                d -> {
                  CaseInput.Placing p = CaseInput.placing(fields(r), campaigns, gazetteer);
                  corrections.place(d.id(), p.placement(), p.reason(), r.user().userId());
                }),
        COORDINATOR,
        ADMIN);
    console.form(
        "/console/persons/{id}/consent",
        r -> {
          String person = r.param("id");
          if (cases.persons(List.of(person)).isEmpty()) throw ApiError.notFound("no person");
          decide(
              r,
              person,
              "consent",
              "consent",
              () -> {
                CaseInput.ConsentGiven c = CaseInput.consent(fields(r), cases, person);
                cases
                    .consents()
                    .record(
                        person, c.consent(), c.givenBy(), c.report(), c.note(), r.user().userId());
              });
        },
        COORDINATOR,
        ADMIN);
  }

  /** A decision about a detention: on it, {@code action} runs; the page shows how it went. */
  private void onDetention(Console.Request r, String kind, DetentionAction action)
      throws Exception {
    Detention d =
        cases.find(r.param("id")).orElseThrow(() -> ApiError.notFound("no such detention"));
    decide(r, d.person().id(), kind + "-" + d.id(), kind, () -> action.on(d));
  }

  @FunctionalInterface
  private interface DetentionAction {
    void on(Detention d);
  }

  /**
   * Runs a decision: done, back to the person's page (303) with a notice; refused, the page again
   * with the form as typed and every reason, 422 for wrong fields and 409 for a decision the case
   * as it is now does not allow.
   */
  private void decide(Console.Request r, String person, String form, String kind, Runnable run) {
    try {
      run.run();
    } catch (ApiError e) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (var fe : e.errors()) {
        String said = label(r.texts(), fe.field()) + ": " + reason(r.texts(), fe.reason());
        errors.merge(fe.field(), said, (a, b) -> a + "; " + reason(r.texts(), fe.reason()));
      }
      if (errors.isEmpty()) errors.put("", e.getMessage());
      again(r, person, form, e.status(), errors);
      return;
    } catch (AlreadyDecided e) {
      String at = time(e.decidedAt());
      again(
          r,
          person,
          form,
          409,
          Map.of("", r.texts().format("person.already", Map.of("by", e.decidedBy(), "at", at))));
      return;
    } catch (Corrections.Refused e) {
      again(r, person, form, 409, Map.of("", e.getMessage()));
      return;
    }
    String anchor = form.contains("-") ? "#detention-" + form.substring(form.indexOf('-') + 1) : "";
    r.redirect("/console/persons/" + person + "?done=" + kind + anchor);
  }

  private void again(
      Console.Request r, String person, String form, int status, Map<String, String> errors) {
    Map<String, String> values = new HashMap<>();
    r.ctx()
        .formParamMap()
        .forEach(
            (k, v) -> {
              if (!k.equals("_csrf") && !v.isEmpty()) values.put(k, v.getLast());
            });
    r.ctx().status(status);
    r.render("person", view(r, person, null, form, values, errors), "/console/persons/" + person);
  }

  /** A field's label on the form; a field the form does not have is named as sent. */
  private static String label(Texts t, String field) {
    try {
      return t.get("person.field." + field);
    } catch (IllegalArgumentException notOnTheForm) {
      return field;
    }
  }

  /**
   * The reasons of the shared rules are English; the commonest is said in the reader's language.
   */
  private static String reason(Texts t, String reason) {
    return reason.equals("is required") ? t.get("person.required") : reason;
  }

  private static Fields fields(Console.Request r) {
    return FormFields.of(r.ctx(), NUMBERS, TIMES, MOSCOW);
  }

  private static String notice(Console.Request r) {
    String done = r.ctx().queryParam("done");
    if (done == null || !done.matches("[a-z]{1,20}")) return null;
    return r.texts().get("person.done." + done);
  }

  private PersonView view(
      Console.Request r,
      String personId,
      String notice,
      String form,
      Map<String, String> values,
      Map<String, String> errors) {
    Person person =
        cases.persons(List.of(personId)).values().stream()
            .findFirst()
            .orElseThrow(() -> ApiError.notFound("no person " + personId));
    Texts t = r.texts();
    Map<String, String> users = new HashMap<>();
    accounts
        .list()
        .forEach(u -> users.put(u.id(), u.displayName() != null ? u.displayName() : u.name()));
    List<Detention> detentions = cases.ofPerson(personId);
    List<ReportRow> reports = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    if (person.name() != null) names.add(person.name());
    for (Detention d : detentions) {
      for (Report report : reportsOf(d.reportId())) {
        var c = report.content();
        if (c.name() != null) names.add(c.name());
        reports.add(
            new ReportRow(
                report.id(),
                time(report.receivedAt()),
                t.get("person.channel." + code(report.channel())),
                t.get("person.source." + code(c.source())),
                c.name(),
                c.birthYear(),
                c.city(),
                c.policeStation(),
                c.detainedAt() == null ? "" : time(c.detainedAt()),
                c.contact(),
                c.text(),
                c.consent() == null ? "" : t.get("person.consent." + code(c.consent())),
                c.corrects(),
                corrections
                    .rejection(report.id())
                    .map(
                        x ->
                            t.get("person.rejected") + " " + users.getOrDefault(x.decidedBy(), "?"))
                    .orElse(null)));
      }
    }
    Map<String, String> stationNames = new LinkedHashMap<>();
    stations
        .listed()
        .forEach(
            st ->
                stationNames.put(
                    st.id(), (st.city() == null ? "" : st.city() + " — ") + st.name()));
    List<DetentionRow> rows = new ArrayList<>();
    for (Detention d : detentions) rows.add(row(r, d, detentions, users, stationNames));
    List<ConsentRow> consents =
        cases.consents().statements(personId).stream()
            .map(
                s ->
                    new ConsentRow(
                        t.get("person.consent." + code(s.consent())),
                        t.get("person.giver." + code(s.givenBy())),
                        time(s.statedAt()),
                        s.verified(),
                        s.recordedBy() == null ? "" : users.getOrDefault(s.recordedBy(), "?"),
                        s.note()))
            .toList();
    return new PersonView(
        person.id(),
        person.name(),
        person.name() == null ? null : Linkage.inLatin(person.name()),
        List.copyOf(names),
        person.birthYear(),
        person.contact(),
        t.get("person.consent." + code(cases.consents().published(personId))),
        consents,
        reports,
        rows,
        options(t, DetentionStatus.values(), "detention.status."),
        stationNames.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(),
        options(t, AppealOutcome.values(), "appeal.outcome."),
        options(t, Consent.values(), "person.consent."),
        options(t, ConsentStatement.Giver.values(), "person.giver."),
        notice,
        form,
        values,
        errors);
  }

  private List<Report> reportsOf(String reportId) {
    List<Report> out = new ArrayList<>();
    intake
        .find(reportId)
        .ifPresent(
            report -> {
              out.add(report);
              report.correctedBy().forEach(id -> intake.find(id).ifPresent(out::add));
            });
    return out;
  }

  private DetentionRow row(
      Console.Request r,
      Detention d,
      List<Detention> all,
      Map<String, String> users,
      Map<String, String> stationNames) {
    Texts t = r.texts();
    Campaign campaign =
        d.campaignId() == null ? null : campaigns.campaign(d.campaignId()).orElse(null);
    var event = d.eventId() == null ? null : campaigns.event(d.eventId()).orElse(null);
    String where =
        event != null
            ? event.city() + (event.venue() == null ? "" : ", " + event.venue())
            : Optional.ofNullable(d.placeId())
                .flatMap(gazetteer::find)
                .map(p -> r.lang() == Language.RU ? p.nameRu() : p.nameEn())
                .orElse(d.place() == null ? "" : d.place());
    Hold hold = Hold.of(campaign, event != null, d.placeId(), d.detainedAt());
    List<EntryRow> timeline =
        d.timeline().stream()
            .map(
                e ->
                    new EntryRow(
                        e.id(),
                        t.get("detention.status." + code(e.status())),
                        time(e.happenedAt()),
                        e.source(),
                        e.author() == null ? "" : users.getOrDefault(e.author(), "?"),
                        details(t, e, stationNames),
                        e.note(),
                        e.supersedes(),
                        e.supersededBy(),
                        e.reason()))
            .toList();
    List<Option> targets =
        all.stream()
            .filter(o -> !o.id().equals(d.id()) && o.mergedInto() == null)
            .map(
                o ->
                    new Option(
                        o.id(),
                        (o.detainedAt() == null ? "" : time(o.detainedAt()) + " · ") + o.id()))
            .toList();
    List<DecisionRow> decisions =
        corrections.decisions(d.id(), d.reportId()).stream()
            .map(
                x ->
                    new DecisionRow(
                        t.get("person.decision." + code(x.kind())),
                        users.getOrDefault(x.decidedBy(), "?"),
                        time(x.decidedAt()),
                        x.reason()))
            .toList();
    return new DetentionRow(
        d.id(),
        d.reportId(),
        where,
        d.detainedAt() == null ? "" : time(d.detainedAt()),
        d.policeStation() == null ? "" : d.policeStation(),
        t.get("detention.status." + code(d.status())),
        d.confirmedAt() != null,
        d.confirmedBy() == null ? "" : users.getOrDefault(d.confirmedBy(), "?"),
        d.rejectedAt() != null,
        d.mergedInto(),
        hold == null ? null : t.get("person.hold." + code(hold)),
        timeline,
        targets,
        decisions);
  }

  /** An entry's facts as one line: "ч. 5 ст. 20.2 КоАП, штраф 15000 ₽, судья …". */
  static String details(Texts t, StatusChange e, Map<String, String> stationNames) {
    List<String> parts = new ArrayList<>();
    if (e.policeStationId() != null) {
      parts.add(stationNames.getOrDefault(e.policeStationId(), e.policeStationId()));
    }
    if (e.article() != null) {
      parts.add(
          (e.articlePart() == null
                  ? ""
                  : t.format("person.part", Map.of("part", e.articlePart())) + " ")
              + t.get("person.article")
              + " "
              + e.article()
              + " "
              + e.articleCode());
    }
    if (e.court() != null) parts.add(e.court());
    if (e.hearingAt() != null)
      parts.add(t.format("person.hearing", Map.of("at", time(e.hearingAt()))));
    if (e.judge() != null) parts.add(t.format("person.judge", Map.of("judge", e.judge())));
    if (e.caseNumber() != null) {
      parts.add(t.format("person.casenumber", Map.of("number", e.caseNumber())));
    }
    if (e.fineRub() != null) parts.add(t.format("person.fine", Map.of("rub", e.fineRub())));
    if (e.arrestDays() != null) parts.add(t.format("person.days", Map.of("days", e.arrestDays())));
    if (e.serviceHours() != null) {
      parts.add(t.format("person.hours", Map.of("hours", e.serviceHours())));
    }
    if (e.appealOutcome() != null) {
      String outcome = t.get("appeal.outcome." + code(e.appealOutcome()));
      parts.add(t.format("person.appeal", Map.of("outcome", outcome)));
    }
    return String.join(", ", parts);
  }

  private static <E extends Enum<E>> List<Option> options(Texts t, E[] values, String prefix) {
    return Arrays.stream(values).map(v -> new Option(code(v), t.get(prefix + code(v)))).toList();
  }

  static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static String time(Instant at) {
    return Shell.moscow(at);
  }

  static String time(OffsetDateTime at) {
    return Shell.moscow(at.toInstant());
  }
}
