package org.vigil.linkage;

import static org.vigil.security.Role.ADMIN;
import static org.vigil.security.Role.COORDINATOR;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.cases.AlreadyDecided;
import org.vigil.console.Console;
import org.vigil.console.Shell;
import org.vigil.http.Api;
import org.vigil.site.Texts;

/**
 * {@code /console/review}: the linkage review queue for a coordinator, each report beside the
 * persons it may be about, decided with one key (s same person, n new person, k skip; the page's
 * script) or one button. Every decision names the decision it replaces, so a report another
 * coordinator decided first is refused with who and when, never decided twice.
 */
public final class ReviewPage {
  /** Reports on the page at once. */
  static final int PAGE = 20;

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private ReviewPage() {}

  /** What the report says, or what a candidate's reports say, each part as the page shows it. */
  public record Facts(
      List<String> names, String year, String city, String day, String station, String sources) {}

  /** A candidate person beside the report. */
  public record CandidateCard(String personId, String score, Facts facts, int reports) {}

  /** A report in review with its candidates, and the decision a verdict replaces. */
  public record ReviewCard(
      String reportId,
      String decision,
      String opened,
      Facts report,
      String provisionalPersonId,
      List<CandidateCard> candidates,
      int notShown) {}

  /** The page: its reports, their order, and what was just done or refused. */
  public record ReviewView(
      List<ReviewCard> items, boolean newestFirst, String notice, String conflict) {
    /** Where "skip" leads without the page's script: the next report, or the list's end. */
    public String skipTo(ReviewCard card) {
      int i = items.indexOf(card);
      return i + 1 < items.size() ? "#item-" + items.get(i + 1).reportId() : "#review-end";
    }
  }

  public static void register(Console console, Linkage linkage) {
    console.page(
        "/console/review", "review", r -> view(r, linkage, null, null), COORDINATOR, ADMIN);
    console.form(
        "/console/review/{report}",
        r -> {
          String report = r.param("report");
          String person = r.field("person");
          String replaces = r.field("replaces");
          if (person != null && person.isBlank()) person = null;
          if (replaces == null || replaces.isBlank() || linkage.history(report).isEmpty()) {
            refuse(r, linkage, 404, r.texts().get("review.gone"));
            return;
          }
          if (person != null && !linkage.personExists(person)) {
            refuse(r, linkage, 422, r.texts().get("review.gone"));
            return;
          }
          try {
            linkage.decide(report, person, replaces, Api.principal(r.ctx()).userId());
            r.redirect("/console/review?decided=" + report);
          } catch (AlreadyDecided decided) {
            refuse(
                r,
                linkage,
                409,
                r.texts()
                    .format(
                        "review.conflict",
                        Map.of(
                            "name",
                            decided.decidedBy(),
                            "time",
                            Shell.moscow(decided.decidedAt()))));
          }
        },
        COORDINATOR,
        ADMIN);
  }

  private static void refuse(Console.Request r, Linkage linkage, int status, String why) {
    r.ctx().status(status);
    r.render("review", view(r, linkage, null, why));
  }

  private static ReviewView view(
      Console.Request r, Linkage linkage, String notice, String conflict) {
    Texts t = r.texts();
    boolean newest = "newest".equals(r.ctx().queryParam("order"));
    String done = notice;
    if (done == null && r.ctx().queryParam("decided") != null) done = t.get("review.decided");
    List<ReviewCard> cards =
        linkage.reviewItems(PAGE, newest).stream().map(item -> card(t, item)).toList();
    return new ReviewView(cards, newest, done, conflict);
  }

  static ReviewCard card(Texts t, Linkage.ReviewItem item) {
    Linkage.Reported report = item.report();
    Facts reported = facts(t, item.spellings(), report == null ? List.of() : List.of(report));
    List<CandidateCard> candidates =
        item.candidates().stream()
            .map(
                c -> {
                  List<Linkage.Reported> theirs = c.reports();
                  Facts facts = facts(t, c.spellings(), theirs);
                  if (facts.year().isEmpty() && c.person().birthYear() != null) {
                    facts =
                        new Facts(
                            facts.names(),
                            c.person().birthYear().toString(),
                            facts.city(),
                            facts.day(),
                            facts.station(),
                            facts.sources());
                  }
                  return new CandidateCard(
                      c.person().id(),
                      String.format(Locale.ROOT, "%.1f", c.score()),
                      facts,
                      theirs.size());
                })
            .toList();
    return new ReviewCard(
        item.reportId(),
        item.decision(),
        item.openedAt() == null ? "" : Shell.moscow(item.openedAt()),
        reported,
        item.provisionalPersonId(),
        candidates,
        item.candidatesTotal() - candidates.size());
  }

  /** The distinct values of what these reports say, each part joined for one line. */
  private static Facts facts(Texts t, List<String> spellings, List<Linkage.Reported> reports) {
    return new Facts(
        spellings,
        join(reports, r -> r.birthYear() == null ? null : r.birthYear().toString()),
        join(reports, Linkage.Reported::city),
        join(reports, r -> day(r.detainedAt())),
        join(reports, Linkage.Reported::policeStation),
        join(reports, r -> t.get("triage.source." + r.source())));
  }

  private static String day(OffsetDateTime at) {
    if (at == null) return null;
    LocalDate day = at.atZoneSameInstant(MOSCOW).toLocalDate();
    return day.toString();
  }

  private static String join(
      Collection<Linkage.Reported> reports, Function<Linkage.Reported, String> part) {
    return reports.stream()
        .map(part)
        .filter(Objects::nonNull)
        .filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new))
        .stream()
        .collect(Collectors.joining(", "));
  }
}
